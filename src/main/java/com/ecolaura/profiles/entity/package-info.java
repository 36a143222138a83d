/** The shopper profile, its API view and input, and the user-id rule. */
package com.ecolaura.profiles.entity;
