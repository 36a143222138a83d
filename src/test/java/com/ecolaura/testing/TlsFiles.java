package com.ecolaura.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * A self-signed certificate for 127.0.0.1, made with the JDK's keytool: as PEM files for
 * redis-server's {@code tls-cert-file} / {@code tls-key-file}, and as a PKCS#12 truststore for
 * Redisson's {@code sslTruststore}.
 */
public record TlsFiles(Path certificate, Path key, Path truststore, String password) {

    public static TlsFiles create(Path folder) {
        String password = "changeit";
        Path keystore = folder.resolve("redis.p12");
        try {
            var keytool = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-alias",
                            "redis",
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-dname",
                            "CN=127.0.0.1",
                            "-ext",
                            "SAN=ip:127.0.0.1",
                            "-validity",
                            "2",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            keystore.toString(),
                            "-storepass",
                            password,
                            "-keypass",
                            password)
                    .redirectErrorStream(true)
                    .start();
            keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed");
            }
            var store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password.toCharArray());
            }
            var certificate = store.getCertificate("redis");
            var key = (PrivateKey) store.getKey("redis", password.toCharArray());
            var files = new TlsFiles(
                    folder.resolve("redis.crt"), folder.resolve("redis.key"), folder.resolve("trust.p12"), password);
            Files.writeString(files.certificate(), pem("CERTIFICATE", certificate.getEncoded()));
            Files.writeString(files.key(), pem("PRIVATE KEY", key.getEncoded()));
            var trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("redis", certificate);
            try (OutputStream out = Files.newOutputStream(files.truststore())) {
                trust.store(out, password.toCharArray());
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
