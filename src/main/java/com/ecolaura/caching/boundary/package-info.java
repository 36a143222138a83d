/** HTTP caching of API responses: ETags, conditional requests, Cache-Control from each cache's policy. */
package com.ecolaura.caching.boundary;
