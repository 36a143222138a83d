package com.ecolaura.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on loopback between the shop and Redis, for the faults a network causes: {@link
 * #cut()} drops every connection and then black-holes new ones (accepted, never answered: a
 * half-open link, the hardest case for a client), {@link #slow(Duration)} delays every chunk in
 * both directions one after the other (a congested link), {@link #latency(Duration)} delivers every
 * chunk that long after it was sent, without holding up the next (a long link), {@link #heal()}
 * passes traffic through again.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean blackHole;
    private volatile long delayMillis;
    private volatile long latencyNanos;

    private record Chunk(byte[] bytes, long dueNanos) {}

    private static final Chunk END = new Chunk(new byte[0], 0);

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        var acceptor = new Thread(this::accept, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void cut() {
        blackHole = true;
        closeAll();
    }

    public void slow(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** One-way latency, as a long link has: chunks are in flight that long, several at once. */
    public void latency(Duration oneWay) {
        latencyNanos = oneWay.toNanos();
    }

    /** Traffic passes again; black-holed connections are closed so that the client reconnects. */
    public void heal() {
        delayMillis = 0;
        latencyNanos = 0;
        if (blackHole) {
            blackHole = false;
            closeAll();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                if (blackHole) {
                    continue; // held open, never answered
                }
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException refused) {
                    close(client); // Redis is down: the client sees its connection closed
                    continue;
                }
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                // closing
            }
        }
    }

    private void pump(Socket from, Socket to) {
        var inFlight = new LinkedBlockingQueue<Chunk>();
        var reader = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            if (blackHole) {
                                continue;
                            }
                            long delay = delayMillis;
                            if (delay > 0) {
                                Thread.sleep(delay);
                            }
                            inFlight.put(new Chunk(Arrays.copyOf(buffer, read), System.nanoTime() + latencyNanos));
                        }
                    } catch (IOException | InterruptedException e) {
                        // a side closed
                    } finally {
                        inFlight.add(END);
                    }
                },
                "tcp-proxy-read");
        var writer = new Thread(
                () -> {
                    try (OutputStream out = to.getOutputStream()) {
                        for (var chunk = inFlight.take(); chunk != END; chunk = inFlight.take()) {
                            for (long wait = chunk.dueNanos() - System.nanoTime();
                                    wait > 0;
                                    wait = chunk.dueNanos() - System.nanoTime()) {
                                LockSupport.parkNanos(wait);
                            }
                            out.write(chunk.bytes());
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // a side closed
                    } finally {
                        close(from);
                        close(to);
                    }
                },
                "tcp-proxy-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private void closeAll() {
        Set.copyOf(open).forEach(this::close);
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closeAll();
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
