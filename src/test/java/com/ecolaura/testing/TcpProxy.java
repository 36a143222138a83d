package com.ecolaura.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between the shop and Redis, for the faults a network causes: {@link
 * #cut()} drops every connection and then black-holes new ones (accepted, never answered: a
 * half-open link, the hardest case for a client), {@link #slow(Duration)} delays every chunk in
 * both directions, {@link #heal()} passes traffic through again.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean blackHole;
    private volatile long delayMillis;

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

    /** Traffic passes again; black-holed connections are closed so that the client reconnects. */
    public void heal() {
        delayMillis = 0;
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
        var thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            if (blackHole) {
                                continue;
                            }
                            long delay = delayMillis;
                            if (delay > 0) {
                                Thread.sleep(delay);
                            }
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // a side closed
                    } finally {
                        close(from);
                        close(to);
                    }
                },
                "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
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
