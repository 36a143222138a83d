/** The trending-products API. */
package com.ecolaura.trending.boundary;
