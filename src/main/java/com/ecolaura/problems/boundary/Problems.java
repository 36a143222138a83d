package com.ecolaura.problems.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details: {@code application/problem+json} with type, title, status and detail. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    public static Response of(int status, String detail) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(body(status, detail).build().toString())
                .build();
    }

    public static Response withViolations(int status, String detail, JsonArrayBuilder violations) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(body(status, detail)
                        .add("violations", violations)
                        .build()
                        .toString())
                .build();
    }

    private static JsonObjectBuilder body(int status, String detail) {
        var reason = Response.Status.fromStatusCode(status);
        var body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", reason == null ? "Error" : reason.getReasonPhrase())
                .add("status", status);
        if (detail != null && !detail.isBlank()) {
            body.add("detail", detail);
        }
        return body;
    }
}
