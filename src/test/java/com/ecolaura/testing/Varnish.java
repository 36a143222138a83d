package com.ecolaura.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real varnishd (Debian's {@code varnish} and {@code varnish-modules}) running the shipped
 * server-config/varnish/ecolaura.vcl, its backend pointed at a test's shop.
 */
public final class Varnish implements AutoCloseable {

    private static final Path VARNISHD = Path.of("/usr/sbin/varnishd");
    private static final Path XKEY = Path.of("/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so");

    private final Process process;
    private final Path folder;
    private final int port;

    private Varnish(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /** Whether Varnish and its xkey module are installed (.ci/run installs them). */
    public static boolean available() {
        return Files.isExecutable(VARNISHD) && Files.exists(XKEY);
    }

    public static Varnish start(int port, int backendPort) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("varnish");
        String shipped = Files.readString(Path.of("server-config/varnish/ecolaura.vcl"));
        String vcl = shipped.replace(".port = \"8080\";", ".port = \"" + backendPort + "\";");
        if (vcl.equals(shipped)) {
            throw new IllegalStateException("ecolaura.vcl no longer names the backend port 8080");
        }
        Path file = Files.writeString(folder.resolve("ecolaura.vcl"), vcl);
        var process = new ProcessBuilder(List.of(
                        VARNISHD.toString(),
                        "-F",
                        "-j",
                        "none",
                        "-f",
                        file.toString(),
                        "-a",
                        "127.0.0.1:" + port,
                        "-n",
                        folder.resolve("work").toString(),
                        "-s",
                        "malloc,64m"))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("varnishd.log").toFile())
                .start();
        var varnish = new Varnish(process, folder, port);
        boolean up = Poll.until(
                        Duration.ofSeconds(60), Duration.ofMillis(100), () -> varnish.listening() || !process.isAlive())
                && process.isAlive();
        if (!up) {
            String log = Files.readString(folder.resolve("varnishd.log"));
            varnish.close();
            throw new IOException("varnishd did not start:\n" + log);
        }
        return varnish;
    }

    public int port() {
        return port;
    }

    private boolean listening() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it
        }
    }
}
