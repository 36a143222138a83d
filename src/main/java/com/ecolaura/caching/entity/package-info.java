/** Value types the caching layer shares with the business components. */
package com.ecolaura.caching.entity;
