/** The one Redis client of the shop, the circuit breaker in front of it, and the one fail-open way to call it. */
package com.ecolaura.redis.control;
