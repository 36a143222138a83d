package com.ecolaura.testing;

import java.util.Arrays;
import java.util.List;

/** Latency percentiles of a set of requests, in milliseconds. */
public record Latencies(double[] millis) {

    public static Latencies of(List<Double> millis) {
        return new Latencies(
                millis.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    public double percentile(double p) {
        if (millis.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * millis.length) - 1;
        return millis[Math.max(0, Math.min(millis.length - 1, index))];
    }

    public double max() {
        return millis.length == 0 ? Double.NaN : millis[millis.length - 1];
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms",
                millis.length,
                percentile(50),
                percentile(90),
                percentile(99),
                max());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Latencies that && Arrays.equals(millis, that.millis);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(millis);
    }
}
