package io.senseprobe.alert;

import io.senseprobe.files.AppResources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The ids of the alert destinations the service would have, read outside the service (the {@code validate} command,
 * which checks {@code alert-to}): the app home's config/application.properties, overridden by {@code -D} and by
 * environment variables as the service does. Bad values are the service's to report; here they only leave an id out.
 */
public final class ConfiguredDestinations {
    public static final String PROPERTIES = "config/application.properties";

    private ConfiguredDestinations() {
    }

    public static List<String> ids(Path appHome, Function<String, String> environment) {
        Properties file = new Properties();
        try (InputStream in = AppResources.open(AppResources.location(appHome, PROPERTIES))) {
            file.load(in);
        } catch (IOException e) {
            // no file: only -D and the environment
        }
        Function<String, String> lookup = key -> {
            String value = System.getProperty(key);
            if (value == null) {
                value = environment.apply(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            }
            return value != null ? value : file.getProperty(key);
        };
        Set<String> names = new TreeSet<>(file.stringPropertyNames());
        names.addAll(System.getProperties().stringPropertyNames());
        names.addAll(System.getenv().keySet());
        return AlertSettings.from(lookup, names, new ArrayList<>()).destinationIds();
    }
}
