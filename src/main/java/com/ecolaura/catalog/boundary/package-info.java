/** The product API: detail, listing, sustainability score, writes; and the sample catalog loaded into an empty database. */
package com.ecolaura.catalog.boundary;
