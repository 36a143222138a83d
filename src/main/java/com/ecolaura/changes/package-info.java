/**
 * Writes from outside the shop (another service, a batch job, {@code psql}) reach the caches through
 * PostgreSQL's logical replication stream: each committed change is mapped to the invalidations a
 * write through the shop makes. docs/change-stream.md tells how.
 */
package com.ecolaura.changes;
