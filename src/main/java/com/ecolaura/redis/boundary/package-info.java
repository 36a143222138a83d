/** Redis as the operators see it: readiness. */
package com.ecolaura.redis.boundary;
