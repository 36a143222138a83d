/** The search API: text, category, minimum score, sort and paging, checked before anything runs. */
package com.ecolaura.search.boundary;
