package io.senseprobe.service;

import io.senseprobe.alert.AlertSettings;
import io.senseprobe.result.ExpiryWarnings;
import io.senseprobe.observe.StatusSettings;
import io.senseprobe.cluster.ClusterSettings;
import io.senseprobe.settings.SettingsReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import io.senseprobe.definition.MaintenanceWindow;
import java.util.function.Function;

/**
 * The service's keys from config/application.properties (the alert keys through {@link AlertSettings}, the cluster
 * keys through {@link ClusterSettings}), validated together: every problem is collected
 * before {@link InvalidSettingsException} is thrown. Values come through Camel's properties component, so an
 * environment variable ({@code SENSE_INBOX_DIR}) or {@code -Dsense.inbox.dir} overrides the file.
 * Relative folders resolve against the app home, never the current directory.
 */
public record ServiceSettings(
        Path appHome,
        Path inboxDir,
        Duration inboxSettle,
        Duration inboxRetention,
        boolean inboxAllowSecretRefs,
        List<Path> inboxAllowedPaths,
        Path connectionsDir,
        Duration checkInterval,
        int checkConcurrency,
        Path resultsDir,
        Duration statusWriteInterval,
        List<Integer> expiryWarnDays,
        AlertSettings alerts,
        StatusSettings status,
        ClusterSettings cluster,
        List<MaintenanceWindow> maintenance) {

    public static final String INBOX_DIR = "sense.inbox.dir";
    public static final String INBOX_SETTLE = "sense.inbox.settle";
    public static final String INBOX_RETENTION = "sense.inbox.retention";
    public static final String INBOX_ALLOW_SECRET_REFS = io.senseprobe.definition.DefinitionLoader.INBOX_REFS_SETTING;
    public static final String INBOX_ALLOWED_PATHS = "sense.inbox.allowed-paths";
    public static final String CONNECTIONS_DIR = "sense.connections.dir";
    public static final String CHECK_INTERVAL = "sense.check.interval";
    public static final String CHECK_CONCURRENCY = "sense.check.concurrency";
    public static final String RESULTS_DIR = "sense.results.dir";
    public static final String STATUS_WRITE_INTERVAL = "sense.status.write-interval";
    public static final String EXPIRY_WARN_DAYS = "sense.expiry.warn-days";
    /** Maintenance windows for every connection (syntax: {@link MaintenanceWindow#parseList}). */
    public static final String ALERT_MAINTENANCE = "sense.alert.maintenance";

    static final int MAX_CONCURRENCY = 256;

    private static List<MaintenanceWindow> maintenance(Function<String, String> lookup, List<String> problems) {
        String text = lookup.apply(ALERT_MAINTENANCE);
        try {
            return MaintenanceWindow.parseList(text);
        } catch (MaintenanceWindow.Invalid e) {
            problems.add(ALERT_MAINTENANCE + " = \"" + text.trim() + "\": " + e.getMessage() + " " + e.fix());
            return List.of();
        }
    }
    private static final Duration LONGEST_TICK = Duration.ofSeconds(1);

    /** Reads and validates every key; a key absent from the file takes the documented default. */
    public static ServiceSettings read(Function<String, Optional<String>> properties, Path appHome) {
        return read(properties, List.of(), appHome);
    }

    /**
     * As {@link #read(Function, Path)}; {@code names} are the property keys and environment variable names there
     * are, where the named alert destinations are found ({@code sense.alert.destinations.<id>.*}).
     */
    public static ServiceSettings read(Function<String, Optional<String>> properties, Collection<String> names,
            Path appHome) {
        Function<String, String> lookup = key -> properties.apply(key).orElse(null);
        List<String> problems = new ArrayList<>();
        SettingsReader r = new SettingsReader(lookup, problems);
        Path resultsDir = folder(r, RESULTS_DIR, "out", appHome);
        ServiceSettings settings = new ServiceSettings(appHome,
                folder(r, INBOX_DIR, "inbox", appHome),
                r.duration(INBOX_SETTLE, Duration.ofMillis(500)),
                nonZero(r, INBOX_RETENTION, Duration.ofDays(30)),
                r.bool(INBOX_ALLOW_SECRET_REFS, false),
                folders(r, INBOX_ALLOWED_PATHS, appHome),
                folder(r, CONNECTIONS_DIR, "connections", appHome),
                nonZero(r, CHECK_INTERVAL, Duration.ofSeconds(60)),
                r.integer(CHECK_CONCURRENCY, 8, 1, MAX_CONCURRENCY, "must be a whole number from 1 to " + MAX_CONCURRENCY),
                resultsDir,
                nonZero(r, STATUS_WRITE_INTERVAL, Duration.ofSeconds(1)),
                expiryWarnDays(r),
                AlertSettings.from(lookup, names, problems),
                StatusSettings.from(lookup, problems),
                ClusterSettings.read(r, appHome, resultsDir),
                maintenance(lookup, problems));
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return settings;
    }

    /**
     * sense.expiry.warn-days. The check beans read it too (lenient, for the CLI as well): the service validates it
     * here with the other keys, so a bad value stops the start with every problem listed.
     */
    public static List<Integer> expiryWarnDays(SettingsReader r) {
        return r.days(EXPIRY_WARN_DAYS, ExpiryWarnings.DEFAULT_DAYS);
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

    private static Path folder(SettingsReader r, String key, String fallback, Path appHome) {
        String text = r.get(key);
        try {
            return appHome.resolve(text == null ? fallback : text).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            r.problem(key, text, "not a folder path (" + e.getMessage() + ")");
            return appHome.resolve(fallback);
        }
    }

    /** Comma-separated folders, relative ones under the app home; absent or blank: the app home alone. */
    private static List<Path> folders(SettingsReader r, String key, Path appHome) {
        String text = r.get(key);
        if (text == null || text.isBlank()) {
            return List.of(appHome.toAbsolutePath().normalize());
        }
        List<Path> folders = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                r.problem(key, text, "has an empty entry; give folders separated by commas");
                continue;
            }
            try {
                folders.add(appHome.resolve(part.trim()).toAbsolutePath().normalize());
            } catch (RuntimeException e) {
                r.problem(key, text, "\"" + part.trim() + "\" is not a folder path (" + e.getMessage() + ")");
            }
        }
        return List.copyOf(folders);
    }

    private static Duration nonZero(SettingsReader r, String key, Duration fallback) {
        Duration d = r.duration(key, fallback);
        if (d.isZero()) {
            r.problem(key, r.get(key), "must be longer than 0");
        }
        return d;
    }
}
