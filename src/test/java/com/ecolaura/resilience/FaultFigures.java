package com.ecolaura.resilience;

import java.util.Locale;

/** What one fault did to the shop, as docs/reliability.md reports it. */
record FaultFigures(
        String fault,
        long requests,
        long failed,
        double steadyP99,
        double databaseP99,
        double faultP99,
        double cacheErrors,
        double circuitOpenings,
        double secondsToFirstHit,
        long staleReadsAfterRecovery,
        long staleAfterTheRun,
        String notes) {

    static final String HEADER = "| fault | requests | failed | p99 steady | p99 database | p99 during fault | "
            + "cache errors + skipped calls | circuit openings | s to first cache hit after recovery | "
            + "stale reads after recovery | stale at the end | notes |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|";

    String row() {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.0f ms | %.0f ms | %.0f ms | %.0f | %.0f | %s | %d | %d | %s |",
                fault,
                requests,
                failed,
                steadyP99,
                databaseP99,
                faultP99,
                cacheErrors,
                circuitOpenings,
                Double.isNaN(secondsToFirstHit) ? "–" : String.format(Locale.ROOT, "%.1f", secondsToFirstHit),
                staleReadsAfterRecovery,
                staleAfterTheRun,
                notes);
    }
}
