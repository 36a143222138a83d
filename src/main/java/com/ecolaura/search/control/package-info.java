/** Search on the database, cached per normalised query in search-results. */
package com.ecolaura.search.control;
