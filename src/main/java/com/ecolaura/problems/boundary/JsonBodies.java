package com.ecolaura.problems.boundary;

import com.ecolaura.problems.entity.InvalidRequestException;
import com.ecolaura.problems.entity.ReadOnlyFields;
import com.ecolaura.problems.entity.RequestError;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Request bodies read strictly, with every mistake named: JSON syntax (with line and column), a
 * body that is not an object, unknown fields, and values of the wrong type (each with its JSON
 * pointer). Fields an input class declares {@link ReadOnlyFields} are dropped, so the body a
 * {@code GET} returned can be sent back. Only then does JSON-B bind the body; Bean Validation checks
 * the values after that ({@code ConstraintViolationMapper}).
 */
public final class JsonBodies {

    private static final Jsonb STRICT =
            JsonbBuilder.create(new JsonbConfig().setProperty("jsonb.fail-on-unknown-properties", true));

    private static final ClassValue<Map<String, Field>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Field> computeValue(Class<?> type) {
            var fields = new LinkedHashMap<String, Field>();
            for (Field field : type.getFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    fields.put(field.getName(), field);
                }
            }
            return fields;
        }
    };

    private JsonBodies() {}

    /** The body as a JSON object, or a 400 that says what it is instead. */
    public static JsonObject object(InputStream body) throws IOException {
        var in = new PushbackInputStream(body, 1);
        int first = in.read();
        if (first < 0) {
            throw new InvalidRequestException("", "the request needs a JSON body");
        }
        in.unread(first);
        JsonValue value;
        try (var reader = Json.createReader(in)) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw new InvalidRequestException(
                    "", "not valid JSON at line " + at.getLineNumber() + ", column " + at.getColumnNumber());
        } catch (JsonException e) {
            throw new InvalidRequestException("", "not valid JSON");
        } catch (RuntimeException e) {
            // Parsson's own refusals, such as a body nested more than 1,000 levels deep
            throw new InvalidRequestException("", "not JSON this API reads (nested too deeply?)");
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidRequestException("", "must be a JSON object, not " + kind(value));
        }
        return object;
    }

    /** Reads a body into {@code type}, refusing it with every error found. */
    public static <T> T read(InputStream body, Class<T> type) throws IOException {
        return bind(object(body), type);
    }

    /** Binds an object to {@code type} after checking its fields and their types. */
    public static <T> T bind(JsonObject body, Class<T> type) {
        Map<String, Field> fields = FIELDS.get(type);
        if (fields.isEmpty()) {
            return bound(body, type);
        }
        var readOnly = readOnly(type);
        var errors = new ArrayList<RequestError>();
        var kept = Json.createObjectBuilder();
        body.forEach((name, value) -> {
            Field field = fields.get(name);
            if (field == null) {
                if (!readOnly.contains(name)) {
                    errors.add(new RequestError(
                            pointer(name), "unknown field; the fields are " + String.join(", ", fields.keySet())));
                }
                return;
            }
            check(pointer(name), field.getType(), field.getGenericType(), value, errors);
            kept.add(name, value);
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return bound(kept.build(), type);
    }

    private static <T> T bound(JsonObject body, Class<T> type) {
        try {
            return STRICT.fromJson(body.toString(), type);
        } catch (JsonbException e) {
            throw new InvalidRequestException("", "cannot be read as this resource's representation");
        }
    }

    private static Set<String> readOnly(Class<?> type) {
        var declared = type.getAnnotation(ReadOnlyFields.class);
        return declared == null ? Set.of() : Set.of(declared.value());
    }

    private static void check(String pointer, Class<?> type, Type generic, JsonValue value, List<RequestError> errors) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (type.isPrimitive()) {
                errors.add(new RequestError(pointer, "must be " + expected(type) + ", not null"));
            }
            return;
        }
        String wrong = mismatch(type, value);
        if (wrong != null) {
            errors.add(new RequestError(pointer, wrong));
            return;
        }
        if (List.class.isAssignableFrom(type)
                && generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            var items = value.asJsonArray();
            for (int i = 0; i < items.size(); i++) {
                check(pointer + "/" + i, element, element, items.get(i), errors);
            }
        }
    }

    /** Why a value does not fit a field's type, or null if it does. */
    private static String mismatch(Class<?> type, JsonValue value) {
        var kind = value.getValueType();
        if (type == String.class) {
            return kind == JsonValue.ValueType.STRING ? null : "must be a string, not " + kind(value);
        }
        if (type == boolean.class || type == Boolean.class) {
            return kind == JsonValue.ValueType.TRUE || kind == JsonValue.ValueType.FALSE
                    ? null
                    : "must be true or false, not " + kind(value);
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
                return "must be a whole number, not " + kind(value);
            }
            return fits(number.bigDecimalValue(), type) ? null : "is out of range";
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class) {
            return kind == JsonValue.ValueType.NUMBER ? null : "must be a number, not " + kind(value);
        }
        if (type.isEnum()) {
            String names =
                    Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return value instanceof JsonString text
                            && Arrays.stream(type.getEnumConstants())
                                    .anyMatch(constant -> constant.toString().equals(text.getString()))
                    ? null
                    : "must be one of " + names;
        }
        if (List.class.isAssignableFrom(type)) {
            return kind == JsonValue.ValueType.ARRAY ? null : "must be an array, not " + kind(value);
        }
        return null;
    }

    private static boolean fits(BigDecimal number, Class<?> type) {
        try {
            if (type == int.class || type == Integer.class) {
                number.intValueExact();
            } else {
                number.longValueExact();
            }
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static String expected(Class<?> type) {
        return type == boolean.class ? "true or false" : "a number";
    }

    private static String kind(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }

    /** RFC 6901: '~' and '/' in a name are escaped. */
    private static String pointer(String name) {
        return "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
