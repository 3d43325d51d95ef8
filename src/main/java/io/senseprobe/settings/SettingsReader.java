package io.senseprobe.settings;

import io.senseprobe.definition.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads typed values of configuration keys: an unset or blank key takes its fallback, a bad value takes it too
 * and adds one problem, always as {@code key = "value": what is wrong; how to fix it.} Never throws.
 */
public record SettingsReader(Function<String, String> lookup, List<String> problems) {
    /** The trimmed value, or null when the key is unset or blank. */
    public String get(String key) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Adds the problem of a value that was given: {@code key = "value": what.} */
    public void problem(String key, String value, String what) {
        problems.add(key + " = \"" + value + "\": " + what + ".");
    }

    public Duration duration(String key, Duration fallback) {
        String value = get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            problem(key, value, "not a duration; write e.g. 500ms, 10s, 5m, 6h or 30d");
            return fallback;
        }
    }

    /** A whole number from {@code min} to {@code max}; {@code what} says what is wrong with any other value. */
    public int integer(String key, int fallback, int min, int max, String what) {
        String value = get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, value, what);
        return fallback;
    }

    public boolean bool(String key, boolean fallback) {
        String value = get(key);
        if (value == null) {
            return fallback;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                problem(key, value, "not true or false; write true or false");
                return fallback;
        }
    }
}
