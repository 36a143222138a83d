/**
 * Background work: the one way the shop's beans repeat a task on the server's managed scheduler
 * (flushing counts, trimming caches, probing Redis, syncing clocks), so that every such task
 * survives a failed run and ends with its owner.
 */
package com.ecolaura.background.control;
