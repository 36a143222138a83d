package com.ecolaura.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Payara Micro running the shop's WAR as a separate process, with a benchmark mode's settings. */
public final class ShopProcess implements AutoCloseable {

    private final Process process;
    public final int port;
    public final Path log;

    private ShopProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static ShopProcess start(String mode, int port, Map<String, String> settings, Path folder)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms2g",
                "-Xmx2g",
                "-XX:+UseG1GC",
                "-Dhazelcast.phone.home.enabled=false"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of(
                "-jar",
                Path.of("target", "payara-micro.jar").toString(),
                "--nocluster",
                "--disablephonehome",
                "--port",
                Integer.toString(port),
                "--contextroot",
                "/",
                "--prebootcommandfile",
                Path.of("server-config", "payara", "pre-boot-commands.asadmin").toString(),
                "--postbootcommandfile",
                Path.of("server-config", "payara", "post-boot-commands.asadmin").toString(),
                "--deploy",
                Path.of("target", "ecolaura.war").toString()));
        Path log = folder.resolve("payara-" + mode + ".log");
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var shop = new ShopProcess(process, port, log);
        shop.awaitReady(Duration.ofMinutes(30));
        return shop;
    }

    public long pid() {
        return process.pid();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void awaitReady(Duration deadline) throws IOException {
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        long until = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro ended during start; see " + log);
            }
            try {
                var reply = http.send(
                        HttpRequest.newBuilder(uri("/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("shop not ready in " + deadline + "; see " + log);
    }

    /** Resident memory of the server process, from /proc (Linux). */
    public long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    /** Asks the server's JVM for a full collection, so that the heap read next is what is live. */
    public void collectGarbage() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor(60, TimeUnit.SECONDS);
    }

    /** Ends the server at once (SIGKILL): no shutdown hook, no goodbye to its database or Redis. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public static void sleep(Duration pause) {
        if (!Poll.pause(pause)) {
            throw new IllegalStateException("interrupted");
        }
    }
}
