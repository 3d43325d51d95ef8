package io.senseprobe.service;

import io.senseprobe.alert.AlertSettings;
import io.senseprobe.definition.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The service's keys from config/application.properties (the alert keys through {@link AlertSettings}), validated together: every problem is collected
 * before {@link InvalidSettingsException} is thrown. Values come through Camel's properties component, so an
 * environment variable ({@code SENSE_INBOX_DIR}) or {@code -Dsense.inbox.dir} overrides the file.
 * Relative folders resolve against the app home, never the current directory.
 */
public record ServiceSettings(
        Path appHome,
        Path inboxDir,
        Duration inboxSettle,
        Duration inboxRetention,
        Path connectionsDir,
        Duration checkInterval,
        int checkConcurrency,
        Path resultsDir,
        Duration statusWriteInterval,
        AlertSettings alerts) {

    public static final String INBOX_DIR = "sense.inbox.dir";
    public static final String INBOX_SETTLE = "sense.inbox.settle";
    public static final String INBOX_RETENTION = "sense.inbox.retention";
    public static final String CONNECTIONS_DIR = "sense.connections.dir";
    public static final String CHECK_INTERVAL = "sense.check.interval";
    public static final String CHECK_CONCURRENCY = "sense.check.concurrency";
    public static final String RESULTS_DIR = "sense.results.dir";
    public static final String STATUS_WRITE_INTERVAL = "sense.status.write-interval";

    static final int MAX_CONCURRENCY = 256;
    private static final Duration LONGEST_TICK = Duration.ofSeconds(1);

    /** Reads and validates every key; a key absent from the file takes the documented default. */
    public static ServiceSettings read(Function<String, Optional<String>> properties, Path appHome) {
        Reader r = new Reader(properties, appHome);
        ServiceSettings settings = new ServiceSettings(appHome,
                r.folder(INBOX_DIR, "inbox"),
                r.duration(INBOX_SETTLE, "500ms", true),
                r.duration(INBOX_RETENTION, "30d", false),
                r.folder(CONNECTIONS_DIR, "connections"),
                r.duration(CHECK_INTERVAL, "60s", false),
                r.count(CHECK_CONCURRENCY, "8"),
                r.folder(RESULTS_DIR, "out"),
                r.duration(STATUS_WRITE_INTERVAL, "1s", false),
                AlertSettings.from(key -> properties.apply(key).orElse(null), r.problems));
        if (!r.problems.isEmpty()) {
            throw new InvalidSettingsException(r.problems);
        }
        return settings;
    }

    /** How often the inventory looks at its folder and runs what is due: often enough for short test intervals. */
    public Duration inventoryTick() {
        return checkInterval.compareTo(LONGEST_TICK) < 0 ? checkInterval : LONGEST_TICK;
    }

    /** How often the inbox is listed: a fraction of the settle time, so a settled file waits little longer. */
    public Duration inboxPoll() {
        long ms = Math.max(50, Math.min(250, inboxSettle.toMillis() / 5));
        return Duration.ofMillis(ms);
    }

    private static final class Reader {
        private final Function<String, Optional<String>> properties;
        private final Path appHome;
        private final List<String> problems = new ArrayList<>();

        Reader(Function<String, Optional<String>> properties, Path appHome) {
            this.properties = properties;
            this.appHome = appHome;
        }

        private String value(String key, String fallback) {
            return properties.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(fallback);
        }

        Path folder(String key, String fallback) {
            String text = value(key, fallback);
            try {
                return appHome.resolve(text).toAbsolutePath().normalize();
            } catch (RuntimeException e) {
                problems.add(key + " = \"" + text + "\": not a folder path (" + e.getMessage() + ").");
                return appHome.resolve(fallback);
            }
        }

        Duration duration(String key, String fallback, boolean zeroAllowed) {
            String text = value(key, fallback);
            try {
                Duration d = Durations.parse(text);
                if (!zeroAllowed && d.isZero()) {
                    problems.add(key + " = \"" + text + "\": must be longer than 0.");
                }
                return d;
            } catch (IllegalArgumentException e) {
                problems.add(key + " = \"" + text + "\": not a duration; write e.g. 500ms, 10s, 5m, 6h or 30d.");
                return Durations.parse(fallback);
            }
        }

        int count(String key, String fallback) {
            String text = value(key, fallback);
            try {
                int n = Integer.parseInt(text);
                if (n >= 1 && n <= MAX_CONCURRENCY) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(key + " = \"" + text + "\": must be a whole number from 1 to " + MAX_CONCURRENCY + ".");
            return Integer.parseInt(fallback);
        }
    }
}
