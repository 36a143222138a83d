/** The side-by-side benchmark's driver (bench/README.md): shop processes, wrk runs, readings, page loads, the report. */
package com.ecolaura.benchmark;
