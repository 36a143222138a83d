/**
 * Background work: the one way the shop's beans repeat a task (flushing counts, trimming caches,
 * probing Redis, syncing clocks) on the shop's own scheduler, so that every such task survives a
 * failed run and ends with its owner, and the counts such tasks drain while others add to them.
 */
package com.ecolaura.background.control;
