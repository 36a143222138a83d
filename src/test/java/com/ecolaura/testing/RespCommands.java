package com.ecolaura.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Redis inline commands over a plain socket, for what Redisson's API does not offer (ACL LOG, CLIENT LIST). */
public final class RespCommands {

    private RespCommands() {}

    /** Sends the commands, then QUIT, and returns every reply line. */
    public static String[] run(int port, String... commands) {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            var out = socket.getOutputStream();
            out.write((String.join("\r\n", commands) + "\r\nQUIT\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
