/** What the side-by-side benchmark (bench/) needs from the shop: the ceiling, a constant response through the same stack. */
package com.ecolaura.benchmark.boundary;
