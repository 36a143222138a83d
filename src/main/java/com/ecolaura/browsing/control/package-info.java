/** What shoppers look at next: a decaying transition model in Redis, and prefetching of the likely next products. */
package com.ecolaura.browsing.control;
