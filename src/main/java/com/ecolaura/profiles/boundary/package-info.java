/** The shopper-profile API. */
package com.ecolaura.profiles.boundary;
