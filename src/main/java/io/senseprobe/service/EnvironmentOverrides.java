package io.senseprobe.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Environment variables in Camel's form ({@code camel.management.port} → {@code CAMEL_MANAGEMENT_PORT}) for the keys
 * of the properties file. Camel's properties component applies them to the {@code sense.*} keys it resolves, but
 * Camel Main reads its own {@code camel.*} options without them; handing them over as overrides makes every key
 * of the file behave the same.
 */
final class EnvironmentOverrides {
    private EnvironmentOverrides() {
    }

    static String variableFor(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static Map<String, String> of(InputStream propertiesFile, Function<String, String> env) {
        Properties keys = new Properties();
        try (InputStream in = propertiesFile) {
            keys.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String key : keys.stringPropertyNames()) {
            String value = env.apply(variableFor(key));
            if (value != null) {
                overrides.put(key, value);
            }
        }
        return overrides;
    }
}
