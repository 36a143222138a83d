package com.ecolaura.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Counts the commands clients send Redis while something happens, through Redis's {@code MONITOR}:
 * every line is a command a client sent, except those marked {@code lua}, which a script ran inside
 * Redis. A window opens and closes with an {@code ECHO} of a marker of its own; commands the shop
 * sends in the background (trimming, flushes, Redisson's clean-up of expired entries, pings, the
 * near caches' pulses) are left out by what they name, so that what remains is what the request
 * cost.
 */
public final class RoundTrips implements AutoCloseable {

    private static final Pattern BACKGROUND = Pattern.compile(
            "ecolaura:recency|ecolaura:hot|ecolaura:next|ecolaura:last-view|ecolaura:lock:trim|\"HLEN\"|\"PING\"|\"INFO\""
                    + "|jcache_expired_channel|redisson__execute_task_once_latch|#pulse|\"ECHO\"|\"QUIT\"");

    private final int port;
    private final Socket monitor;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public RoundTrips(int port) {
        this.port = port;
        try {
            monitor = new Socket("127.0.0.1", port);
            monitor.getOutputStream().write("MONITOR\r\n".getBytes(StandardCharsets.UTF_8));
            var in = new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8));
            var reader = new Thread(() -> {
                try {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            reader.setDaemon(true);
            reader.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commands clients sent while the action ran, background work left out. */
    public List<String> during(Runnable action) {
        String marker = UUID.randomUUID().toString();
        echo("start-" + marker);
        action.run();
        echo("end-" + marker);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (lines.stream().noneMatch(line -> line.contains("end-" + marker)) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        var sent = new ArrayList<String>();
        boolean inside = false;
        for (String line : lines) {
            if (line.contains("start-" + marker)) {
                inside = true;
            } else if (line.contains("end-" + marker)) {
                break;
            } else if (inside
                    && !line.contains(" lua]")
                    && !BACKGROUND.matcher(line).find()) {
                sent.add(line);
            }
        }
        return sent;
    }

    private void echo(String marker) {
        RespCommands.run(port, "ECHO " + marker);
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
