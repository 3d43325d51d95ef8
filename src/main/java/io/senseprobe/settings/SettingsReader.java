package io.senseprobe.settings;

import io.senseprobe.definition.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads typed values of configuration keys: an unset or blank key takes its fallback, a bad value takes it too
 * and adds one problem, always as {@code key = "value": what is wrong; how to fix it.} Never throws.
 */
public record SettingsReader(Function<String, String> lookup, List<String> problems) {
    /** The largest number of days {@link #days} takes: ten years. */
    public static final int MAX_DAYS = 3650;

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

    /**
     * Whole numbers of days from 0 to {@value #MAX_DAYS}, comma-separated ({@code 30,14,7,1}); {@code off} is none.
     */
    public List<Integer> days(String key, List<Integer> fallback) {
        String value = get(key);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("off")) {
            return List.of();
        }
        List<Integer> days = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                int n = Integer.parseInt(part.trim());
                if (n >= 0 && n <= MAX_DAYS) {
                    days.add(n);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(key, value, "not a list of whole numbers of days from 0 to " + MAX_DAYS
                    + "; write e.g. 30,14,7,1 (or off for no warnings)");
            return fallback;
        }
        return List.copyOf(days);
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
