package com.ecolaura.benchmark;

import static com.ecolaura.benchmark.Benchmark.max;
import static com.ecolaura.benchmark.Benchmark.median;
import static com.ecolaura.benchmark.Benchmark.min;

import com.ecolaura.benchmark.Benchmark.Result;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The benchmark's results as Markdown tables, with the ratios the performance goals are stated in. */
final class Report {

    private Report() {}

    static String table(List<Result> results, int catalogSize) {
        var out = new StringBuilder();
        Result none = results.get(0);
        line(
                out,
                "### Shop workload (%,d products; medians of %d runs, in brackets the spread of the runs)",
                catalogSize,
                none.runs().size());
        line(out, "");
        line(
                out,
                "| mode | req/s | p50 ms | p90 ms | p99 ms | SQL / req | Redis cmds / req | hit ratio | near-cache share of hits | errors | heap after GC MiB | RSS MiB | Redis bytes / cached product |");
        line(out, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            var c = r.counted();
            double requests = r.requests();
            line(
                    out,
                    "| %s | %.0f (%.0f–%.0f) | %.2f (%.2f–%.2f) | %.2f | %.2f | %.3f | %.2f | %s | %s | %d | %.0f | %.0f | %s |",
                    r.mode().title(),
                    median(r.runs(), LoadRun::perSecond),
                    min(r.runs(), LoadRun::perSecond),
                    max(r.runs(), LoadRun::perSecond),
                    median(r.runs(), LoadRun::p50Ms),
                    min(r.runs(), LoadRun::p50Ms),
                    max(r.runs(), LoadRun::p50Ms),
                    median(r.runs(), LoadRun::p90Ms),
                    median(r.runs(), LoadRun::p99Ms),
                    c.statements() / requests,
                    c.redisCommands() / requests,
                    Double.isNaN(c.hitRatio()) ? "–" : percent(c.hitRatio()),
                    c.hits() == 0 ? "–" : percent(c.nearHits() / c.hits()),
                    r.errors(),
                    r.heapBytes() / 1048576.0,
                    r.rssBytes() / 1048576.0,
                    Double.isNaN(r.redisBytesPerProduct())
                            ? "–"
                            : String.format(Locale.ROOT, "%.0f", r.redisBytesPerProduct()));
        }
        if (none.mode().name().equals("no-cache")) {
            againstNoCache(out, results, none);
        }
        line(out, "");
        line(out, "### Cache-hit path: product detail of the 100 most popular products, against the ceiling");
        line(out, "");
        line(out, "Each mode's ceiling is measured in its own JVM, in runs interleaved with the hot path's.");
        line(out, "");
        line(
                out,
                "| mode | ceiling req/s | hot path req/s | hot path p50 ms | hot path p99 ms | share of ceiling | errors |");
        line(out, "|---|---|---|---|---|---|---|");
        for (Result r : results) {
            line(
                    out,
                    "| %s | %.0f (%.0f–%.0f) | %.0f (%.0f–%.0f) | %.2f | %.2f | %s | %d |",
                    r.mode().title(),
                    median(r.ceilingRuns(), LoadRun::perSecond),
                    min(r.ceilingRuns(), LoadRun::perSecond),
                    max(r.ceilingRuns(), LoadRun::perSecond),
                    median(r.hotRuns(), LoadRun::perSecond),
                    min(r.hotRuns(), LoadRun::perSecond),
                    max(r.hotRuns(), LoadRun::perSecond),
                    median(r.hotRuns(), LoadRun::p50Ms),
                    median(r.hotRuns(), LoadRun::p99Ms),
                    percent(median(r.hotRuns(), LoadRun::perSecond) / median(r.ceilingRuns(), LoadRun::perSecond)),
                    r.hotRuns().stream().mapToLong(LoadRun::errors).sum()
                            + r.ceilingRuns().stream()
                                    .mapToLong(LoadRun::errors)
                                    .sum());
        }
        line(out, "");
        line(
                out,
                "The whole mix as a share of the ceiling: %s.",
                String.join(
                        ", ",
                        results.stream()
                                .map(r -> r.mode().title() + " "
                                        + percent(median(r.runs(), LoadRun::perSecond)
                                                / median(r.ceilingRuns(), LoadRun::perSecond)))
                                .toList()));
        pages(out, results, "on loopback", Result::pages);
        pages(
                out,
                results,
                "over an emulated " + Benchmark.REMOTE_ROUND_TRIP_MILLIS + " ms round trip, 10 Mbit/s",
                Result::remotePages);
        return out.toString();
    }

    /**
     * The cold-start table: one row per window from the first request, for cache on, cache off and
     * the ceiling side by side; then the goals' ratios.
     */
    static String coldStart(
            ColdStart.Run cached,
            ColdStart.Run unrehearsed,
            ColdStart.Run uncached,
            ColdStart.Run ceiling,
            int catalogSize) {
        var out = new StringBuilder();
        line(
                out,
                "### Cold start (%,d products; fresh JVM, emptied Redis; 70 %% product detail, 30 %% score, Zipf(1.1); wrk -t%d -c%d)",
                catalogSize,
                LoadRun.THREADS,
                ColdStart.CONNECTIONS);
        line(out, "");
        line(
                out,
                "Cache on: the defaults (a catalog of at most `ecolaura.warming.catalog-products` warmed whole, the"
                        + " reads rehearsed); unprepared: cache on with neither (`ecolaura.warming.rehearsal=PT0S`,"
                        + " `ecolaura.warming.catalog-products=0`). Ready after %.0f s (cache on), %.0f s (unprepared),"
                        + " %.0f s (cache off), %.0f s (ceiling) from the process start.",
                cached.readySeconds(),
                unrehearsed.readySeconds(),
                uncached.readySeconds(),
                ceiling.readySeconds());
        line(out, "");
        line(
                out,
                "| window s | %1$s req/s | %1$s p50 ms | %1$s hit ratio | %1$s near share of hits | %2$s req/s | %2$s p50 ms | %2$s hit ratio | %3$s req/s | %3$s p50 ms | %4$s req/s | %4$s p50 ms | p50 cache on / off | req/s cache on / ceiling |",
                cached.title(),
                unrehearsed.title(),
                uncached.title(),
                ceiling.title());
        line(out, "|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        int windows = List.of(cached, unrehearsed, uncached, ceiling).stream()
                .mapToInt(run -> run.windows().size())
                .min()
                .orElse(0);
        for (int i = 0; i < windows; i++) {
            var on = cached.windows().get(i);
            var cold = unrehearsed.windows().get(i);
            var off = uncached.windows().get(i);
            var top = ceiling.windows().get(i);
            line(
                    out,
                    "| %d–%d | %.0f | %.2f | %s | %s | %.0f | %.2f | %s | %.0f | %.2f | %.0f | %.2f | %.3f | %s |",
                    on.fromSecond(),
                    on.fromSecond() + ColdStart.WINDOW.toSeconds(),
                    on.perSecond(),
                    on.p50Ms(),
                    hitRatio(on),
                    Double.isNaN(on.nearShare()) ? "–" : percent(on.nearShare()),
                    cold.perSecond(),
                    cold.p50Ms(),
                    hitRatio(cold),
                    off.perSecond(),
                    off.p50Ms(),
                    top.perSecond(),
                    top.p50Ms(),
                    on.p50Ms() / off.p50Ms(),
                    percent(on.perSecond() / top.perSecond()));
        }
        line(out, "");
        for (var run : List.of(cached, unrehearsed)) {
            line(
                    out,
                    "%s: hit ratio first at 90 %% or more in the window ending at %s; from 60 s on, %s of the ceiling's requests.",
                    run.title(),
                    firstAtNinety(run),
                    shareFromMinute(run, ceiling, windows));
        }
        return out.toString();
    }

    private static String hitRatio(ColdStart.Window window) {
        return Double.isNaN(window.hitRatio()) ? "–" : percent(window.hitRatio());
    }

    private static String firstAtNinety(ColdStart.Run run) {
        return run.windows().stream()
                .filter(w -> w.hitRatio() >= 0.9)
                .findFirst()
                .map(w -> (w.fromSecond() + ColdStart.WINDOW.toSeconds()) + " s")
                .orElse("never");
    }

    private static String shareFromMinute(ColdStart.Run run, ColdStart.Run ceiling, int windows) {
        double late = 0;
        double lateCeiling = 0;
        for (int i = 0; i < windows; i++) {
            if (run.windows().get(i).fromSecond() >= 60) {
                late += run.windows().get(i).perSecond();
                lateCeiling += ceiling.windows().get(i).perSecond();
            }
        }
        return lateCeiling == 0 ? "–" : percent(late / lateCeiling);
    }

    private static void againstNoCache(StringBuilder out, List<Result> results, Result none) {
        line(out, "");
        line(out, "Against no cache: ");
        line(out, "");
        line(out, "| mode | p50 latency | p99 latency | SQL / req | req/s |");
        line(out, "|---|---|---|---|---|");
        for (Result r : results.subList(1, results.size())) {
            line(
                    out,
                    "| %s | %s | %s | %s | ×%.2f |",
                    r.mode().title(),
                    change(r, none, LoadRun::p50Ms),
                    change(r, none, LoadRun::p99Ms),
                    changeOf(
                            r.counted().statements() / r.requests(),
                            none.counted().statements() / none.requests()),
                    median(r.runs(), LoadRun::perSecond) / median(none.runs(), LoadRun::perSecond));
        }
    }

    private static void pages(
            StringBuilder out, List<Result> results, String network, Function<Result, List<PageLoad.Views>> of) {
        Result none = results.get(0);
        Result best = results.get(results.size() - 1);
        if (of.apply(none).isEmpty() || of.apply(best).isEmpty()) {
            return;
        }
        line(out, "");
        line(
                out,
                "### Storefront product page in headless Chromium, %s (medians of %d products, ms from navigation start)",
                network,
                of.apply(none).size());
        line(out, "");
        line(
                out,
                "| server cache, browser cache | cold DOMContentLoaded | cold load | cold content shown | repeat DOMContentLoaded | repeat load | repeat content shown |");
        line(out, "|---|---|---|---|---|---|---|");
        for (Result r : results) {
            var p = of.apply(r);
            line(
                    out,
                    "| %s, %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |",
                    r.mode().title(),
                    r.mode().name().equals("no-cache") ? "off" : "on",
                    median(p, v -> v.cold().domContentLoadedMs()),
                    median(p, v -> v.cold().loadMs()),
                    median(p, v -> v.cold().contentReadyMs()),
                    median(p, v -> v.repeat().domContentLoadedMs()),
                    median(p, v -> v.repeat().loadMs()),
                    median(p, v -> v.repeat().contentReadyMs()));
        }
        line(out, "");
        line(
                out,
                "Repeat view, %s against no caching at all: load %s, content shown %s.",
                best.mode().title(),
                changeOf(median(of.apply(best), v -> v.repeat().loadMs()), median(of.apply(none), v -> v.repeat()
                        .loadMs())),
                changeOf(
                        median(of.apply(best), v -> v.repeat().contentReadyMs()),
                        median(of.apply(none), v -> v.repeat().contentReadyMs())));
    }

    private static String change(Result r, Result base, ToDoubleFunction<LoadRun> of) {
        return changeOf(median(r.runs(), of), median(base.runs(), of));
    }

    private static String changeOf(double value, double base) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * (value - base) / base);
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
    }

    private static void line(StringBuilder out, String format, Object... values) {
        out.append(String.format(Locale.ROOT, format, values)).append('\n');
    }
}
