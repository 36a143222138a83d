package com.ecolaura.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** One wrk run of bench/workload.lua against a shop: what wrk measured. */
record LoadRun(long requests, double seconds, double p50Ms, double p90Ms, double p99Ms, long errors) {

    static final int THREADS = 2;
    static final int CONNECTIONS = 32;

    double perSecond() {
        return requests / seconds;
    }

    /** The load on {@code port}: the shop's own, or an edge cache's in front of it. */
    static LoadRun drive(int port, String mode, Duration duration, Path data) throws IOException, InterruptedException {
        return drive(port, mode, duration, data, CONNECTIONS);
    }

    static LoadRun drive(int port, String mode, Duration duration, Path data, int connections)
            throws IOException, InterruptedException {
        var process = new ProcessBuilder(
                        "wrk",
                        "-t" + THREADS,
                        "-c" + connections,
                        "-d" + duration.toSeconds() + "s",
                        "--timeout",
                        "10s",
                        "-s",
                        Path.of("bench", "workload.lua").toString(),
                        "http://127.0.0.1:" + port,
                        "--",
                        mode,
                        data.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !output.contains("RESULT ")) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        String result = output.substring(output.indexOf("RESULT ") + 7)
                .lines()
                .findFirst()
                .orElseThrow();
        Map<String, Long> values = new HashMap<>();
        var pair = Pattern.compile("(\\w+)=(\\d+)").matcher(result);
        while (pair.find()) {
            values.put(pair.group(1), Long.parseLong(pair.group(2)));
        }
        long errors = values.get("connect_errors")
                + values.get("read_errors")
                + values.get("write_errors")
                + values.get("status_errors")
                + values.get("timeouts");
        return new LoadRun(
                values.get("requests"),
                values.get("duration_us") / 1e6,
                values.get("p50_us") / 1e3,
                values.get("p90_us") / 1e3,
                values.get("p99_us") / 1e3,
                errors);
    }
}
