package com.ecolaura.redis.control;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads {@code ecolaura.*} settings through MicroProfile Config (system properties, environment
 * variables such as {@code ECOLAURA_CACHE_ENABLED}, then the WAR's microprofile-config.properties).
 *
 * <p>Static on purpose: the Redis client and the Hibernate region factory are built while the
 * persistence unit boots, before CDI can inject anything.
 */
public final class Settings {

    private Settings() {}

    public static Optional<String> text(String key) {
        return config().getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    public static boolean flag(String key, boolean fallback) {
        return text(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    public static int number(String key, int fallback) {
        return text(key).map(Integer::parseInt).orElse(fallback);
    }

    public static double decimal(String key, double fallback) {
        return text(key).map(Double::parseDouble).orElse(fallback);
    }

    public static Duration duration(String key, Duration fallback) {
        return text(key).map(Duration::parse).orElse(fallback);
    }

    /** Read once: the interceptors ask on every cached call, and the switch is fixed at start. */
    public static boolean cachingEnabled() {
        Boolean enabled = cachingEnabled;
        if (enabled == null) {
            enabled = flag("ecolaura.cache.enabled", true);
            cachingEnabled = enabled;
        }
        return enabled;
    }

    private static volatile Boolean cachingEnabled;

    private static Config config() {
        return ConfigProvider.getConfig(Settings.class.getClassLoader());
    }
}
