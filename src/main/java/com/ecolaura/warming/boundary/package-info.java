/** Readiness while the caches are warmed. */
package com.ecolaura.warming.boundary;
