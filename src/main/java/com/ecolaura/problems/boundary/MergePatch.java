package com.ecolaura.problems.boundary;

import com.ecolaura.caching.boundary.ApiJson;
import com.ecolaura.problems.entity.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;

/**
 * {@code PATCH} with {@code application/merge-patch+json} (RFC 7396): the patch applied to the
 * resource's current representation (as {@link ApiJson} writes it for a {@code GET}), the result read as a whole body would be ({@link JsonBodies}:
 * read-only fields dropped, unknown fields and wrong types refused) and validated as a whole, so a
 * patch can never produce what a {@code PUT} could not.
 */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {}

    public static <T> T applied(Object current, InputStream patch, Class<T> inputType, Validator validator)
            throws IOException {
        JsonObject changes = JsonBodies.object(patch);
        JsonObject representation;
        try (var reader = Json.createReader(new StringReader(ApiJson.json(current)))) {
            representation = reader.readObject();
        }
        JsonValue merged = Json.createMergePatch(changes).apply(representation);
        if (!(merged instanceof JsonObject object)) {
            throw new InvalidRequestException("", "the patch must leave an object");
        }
        T input = JsonBodies.bind(object, inputType);
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }
}
