package com.ecolaura.storefront.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step (run by Maven in {@code prepare-package}): copies {@code assets/*} of the web app as
 * {@code name.<8 hex of SHA-256>.ext} and rewrites the HTML pages' links to them, so that an asset
 * can be cached forever and a changed asset has a new name.
 */
public final class AssetFingerprinter {

    private AssetFingerprinter() {}

    /** @param args the web app source folder and the output folder */
    public static void main(String[] args) throws IOException {
        Path webapp = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Map<String, String> names = fingerprint(webapp.resolve("assets"), output.resolve("assets"));
        try (Stream<Path> pages = Files.list(webapp)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                Files.writeString(output.resolve(page.getFileName()), relink(Files.readString(page), names));
            }
        }
        try (Stream<Path> admin =
                Files.exists(webapp.resolve("admin")) ? Files.list(webapp.resolve("admin")) : Stream.empty()) {
            for (Path page : admin.filter(p -> p.toString().endsWith(".html")).toList()) {
                Files.createDirectories(output.resolve("admin"));
                Files.writeString(
                        output.resolve("admin").resolve(page.getFileName()), relink(Files.readString(page), names));
            }
        }
        System.out.println("fingerprinted " + names);
    }

    static Map<String, String> fingerprint(Path assets, Path target) throws IOException {
        Files.createDirectories(target);
        var names = new LinkedHashMap<String, String>();
        try (Stream<Path> files = Files.list(assets)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] content = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                String hashed = hashedName(name, content);
                Files.write(target.resolve(hashed), content);
                names.put(name, hashed);
            }
        }
        return names;
    }

    static String hashedName(String name, byte[] content) {
        int dot = name.lastIndexOf('.');
        String hash = sha256(content).substring(0, 8);
        return dot < 0 ? name + "." + hash : name.substring(0, dot) + "." + hash + name.substring(dot);
    }

    static String relink(String html, Map<String, String> names) {
        String relinked = html;
        for (var name : names.entrySet()) {
            relinked = relinked.replace("assets/" + name.getKey() + "\"", "assets/" + name.getValue() + "\"");
        }
        return relinked;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
