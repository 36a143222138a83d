/** A normalised search query (its own cache key) and a page of results. */
package com.ecolaura.search.entity;
