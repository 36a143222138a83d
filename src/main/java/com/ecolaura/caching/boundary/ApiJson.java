package com.ecolaura.caching.boundary;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * The API's JSON, in and out, with JSON-B. Out: the same writer for JAX-RS's entities and the
 * responses {@link HttpCaching} renders itself, so the bytes are the same whichever path answers.
 * In: strict, a body with a field the resource does not know is refused rather than dropped
 * silently. Our own reader and writer rather than Jersey's JSON-B provider (switched off in
 * {@code ShopApplication}), which asks Payara's context resolver for a {@code Jsonb}: its first
 * lookups of new types race with each other (a ConcurrentModificationException, a 500, seen when the
 * dashboard's first calls came in together).
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class ApiJson implements MessageBodyWriter<Object>, MessageBodyReader<Object> {

    static final Jsonb JSONB = JsonbBuilder.create();

    private static final Jsonb STRICT =
            JsonbBuilder.create(new JsonbConfig().setProperty("jsonb.fail-on-unknown-properties", true));

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

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return bound(type);
    }

    /** An empty body is a 400 that says so; JSON-B's refusals are {@code UnreadableBodyMapper}'s 400. */
    @Override
    public Object readFrom(
            Class<Object> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body)
            throws IOException {
        var in = new PushbackInputStream(body, 1);
        int first = in.read();
        if (first < 0) {
            throw new BadRequestException("the request needs a JSON body");
        }
        in.unread(first);
        return STRICT.fromJson(in, genericType);
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
