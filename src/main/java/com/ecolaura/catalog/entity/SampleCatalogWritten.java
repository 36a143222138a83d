package com.ecolaura.catalog.entity;

/** A new, empty database was given the sample catalog: other components add their own samples. */
public record SampleCatalogWritten(int products) {}
