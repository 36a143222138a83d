package com.ecolaura.problems.boundary;

import com.ecolaura.problems.entity.RequestError;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

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

    /** The same problem written by a servlet or filter, which answers without JAX-RS. */
    public static void write(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.getOutputStream().write(body(status, detail).build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A problem with an {@code errors} list: each a JSON {@code pointer} into the body or a {@code parameter}'s name, and a {@code detail}. */
    public static Response withErrors(int status, String detail, List<RequestError> errors) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (var error : errors) {
            var item = Json.createObjectBuilder();
            if (error.pointer() != null) {
                item.add("pointer", error.pointer());
            } else {
                item.add("parameter", error.parameter());
            }
            list.add(item.add("detail", error.detail()));
        }
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(body(status, detail).add("errors", list).build().toString())
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
