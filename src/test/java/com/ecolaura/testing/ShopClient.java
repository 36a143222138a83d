package com.ecolaura.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/** Talks HTTP to the deployed shop, on 127.0.0.1 (Arquillian's URL names an address this machine cannot reach). */
public class ShopClient {

    public record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        /** The SQL statements the request ran, from its Server-Timing header. */
        public int sqlStatements() {
            String timing =
                    headers.firstValue("Server-Timing").orElseThrow(() -> new AssertionError("no Server-Timing"));
            var statements = Pattern.compile("sql;desc=\"(\\d+) statements\"").matcher(timing);
            if (!statements.find()) {
                throw new AssertionError("no SQL count in Server-Timing: " + timing);
            }
            return Integer.parseInt(statements.group(1));
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String sessionCookie;
    private final URI metrics;

    /** A shop whose /metrics is on the tests' management port (instance-b: {@link #ShopClient(URL, String)}). */
    public ShopClient(URL deployment) {
        this(deployment, "ecolaura.test.management.port");
    }

    /** @param managementPortProperty the system property holding this instance's management port */
    public ShopClient(URL deployment, String managementPortProperty) {
        String path = deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
        this.base = URI.create("http://127.0.0.1:" + deployment.getPort() + path);
        this.sessionCookie = null;
        this.metrics = URI.create("http://127.0.0.1:" + System.getProperty(managementPortProperty) + "/metrics");
    }

    private ShopClient(URI base, String sessionCookie, URI metrics) {
        this.base = base;
        this.sessionCookie = sessionCookie;
        this.metrics = metrics;
    }

    /** The Prometheus text of the instance's /metrics, from its management listener. */
    public Reply metrics() {
        return send(HttpRequest.newBuilder(metrics));
    }

    /** The same shop, as a shopper signed in (a session of this user; its cookie on every request). */
    public ShopClient signedInAs(String userId) {
        var started = post("api/sessions", "{\"userId\":\"" + userId + "\"}");
        if (started.status() != 201 && started.status() != 200) {
            throw new AssertionError("could not start a session for " + userId + ": " + started.body());
        }
        String cookie = started.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return new ShopClient(base, cookie, metrics);
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET());
    }

    public Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A request with a body and headers of the caller's choosing ({@code If-Match}, a content type). */
    public Reply send(String method, String path, String body, String... headers) {
        var request = HttpRequest.newBuilder(resolve(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).DELETE());
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            if (sessionCookie != null) {
                request.header("Cookie", sessionCookie);
            }
            var response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI resolve(String path) {
        return base.resolve(path);
    }

    /** The sum of every series of a metric (all caches, all regions); 0 when none is exported yet. */
    public double metricSum(String name) {
        var line = Pattern.compile("^" + Pattern.quote(name) + "\\{[^}]*\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics().body());
        double sum = 0;
        while (line.find()) {
            sum += Double.parseDouble(line.group(1));
        }
        return sum;
    }

    /**
     * The current value of a metric from {@code /metrics} (Prometheus text): {@code name}, or
     * {@code name{label="value"} } to pick one series by a label.
     */
    public double metric(String selector) {
        String name = selector.contains("{") ? selector.substring(0, selector.indexOf('{')) : selector;
        String label = selector.contains("{")
                ? selector.substring(selector.indexOf('{') + 1).replace("}", "")
                : "";
        var metrics = metrics();
        var line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics.body());
        while (line.find()) {
            if (line.group(1).contains(label)) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("metric " + selector + " not exported:\n" + metrics.body());
    }
}
