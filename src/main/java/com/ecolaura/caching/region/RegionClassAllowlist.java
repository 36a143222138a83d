package com.ecolaura.caching.region;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The classes the second-level cache may decode: what Hibernate puts in its regions (entries,
 * keys, query keys and results), JDK value and collection types, and our own value types (entity
 * state holds enum constants). Nothing else is ever instantiated from Redis.
 */
final class RegionClassAllowlist {

    private static final List<String> PACKAGES =
            List.of("org.hibernate.cache.", "org.hibernate.query.", "org.hibernate.sql.", "org.hibernate.metamodel.");

    /** Our value types (enums, records) live in the entity packages; nothing else of ours is ever cached. */
    private static final Pattern OWN_VALUE_TYPES = Pattern.compile("com\\.ecolaura\\.\\w+\\.entity\\.[^.]+");

    private static final Set<String> JDK_CLASSES = Set.of(
            "java.lang.String",
            "java.lang.Long",
            "java.lang.Integer",
            "java.lang.Short",
            "java.lang.Byte",
            "java.lang.Double",
            "java.lang.Float",
            "java.lang.Boolean",
            "java.lang.Character",
            "java.lang.Object",
            "java.io.Serializable",
            "java.math.BigDecimal",
            "java.math.BigInteger",
            "java.time.Instant",
            "java.time.LocalDate",
            "java.time.LocalDateTime",
            "java.time.OffsetDateTime",
            "java.time.Duration",
            "java.util.UUID",
            "java.util.ArrayList",
            "java.util.LinkedList",
            "java.util.HashMap",
            "java.util.LinkedHashMap",
            "java.util.TreeMap",
            "java.util.HashSet",
            "java.util.LinkedHashSet",
            "java.util.TreeSet",
            "java.util.Arrays$ArrayList",
            "java.util.Collections$EmptyList",
            "java.util.Collections$EmptySet",
            "java.util.Collections$EmptyMap",
            "java.util.Collections$SingletonList",
            "java.util.Collections$SingletonSet",
            "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableSet",
            "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Set12");

    private RegionClassAllowlist() {}

    static boolean allows(Class<?> type) {
        if (type.isPrimitive()) {
            return true;
        }
        if (type.isArray()) {
            return allows(type.getComponentType());
        }
        String name = type.getName();
        return JDK_CLASSES.contains(name)
                || PACKAGES.stream().anyMatch(name::startsWith)
                || OWN_VALUE_TYPES.matcher(name).matches();
    }
}
