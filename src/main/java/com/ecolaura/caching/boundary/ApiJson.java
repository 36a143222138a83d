package com.ecolaura.caching.boundary;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * The API's JSON out, with JSON-B: the same writer for JAX-RS's entities and the responses
 * {@link HttpCaching} renders itself, so the bytes are the same whichever path answers (bodies in
 * are read by {@code problems.boundary.JsonBodyReader}). Our own writer rather than Jersey's JSON-B provider (switched off in
 * {@code ShopApplication}), which asks Payara's context resolver for a {@code Jsonb}: its first
 * lookups of new types race with each other (a ConcurrentModificationException, a 500, seen when the
 * dashboard's first calls came in together).
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class ApiJson implements MessageBodyWriter<Object> {

    static final Jsonb JSONB = JsonbBuilder.create();

    /** A value as the API writes it (a merge patch applies to exactly this). */
    public static String json(Object value) {
        return JSONB.toJson(value);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return bound(type);
    }

    @Override
    public void writeTo(
            Object value,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out) {
        JSONB.toJson(value, genericType, out);
    }

    /** Text, bytes, streams and JSON-P values have readers and writers of their own. */
    private static boolean bound(Class<?> type) {
        return !(CharSequence.class.isAssignableFrom(type)
                || type == byte[].class
                || InputStream.class.isAssignableFrom(type)
                || StreamingOutput.class.isAssignableFrom(type)
                || JsonValue.class.isAssignableFrom(type));
    }
}
