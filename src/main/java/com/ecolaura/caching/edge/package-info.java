/** The edge cache in front of the shop: the surrogate keys answers carry, and the purges that reach every edge after a write, replayed when an edge was unreachable. */
package com.ecolaura.caching.edge;
