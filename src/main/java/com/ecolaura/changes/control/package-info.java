/** Following the replication slot, decoding and mapping its changes, and applying them to the caches. */
package com.ecolaura.changes.control;
