package com.ecolaura.profiles.entity;

/** A profile was written; fired inside the writing transaction with the view it will commit. */
public record ProfileSaved(ProfileView profile) {}
