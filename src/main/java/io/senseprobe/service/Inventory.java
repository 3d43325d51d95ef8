package io.senseprobe.service;

import io.senseprobe.definition.Definition;
import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.definition.LoadResult;
import io.senseprobe.definition.Problem;
import io.senseprobe.files.AtomicFiles;
import io.senseprobe.files.BoundedFiles;
import io.senseprobe.result.ResultKeys;
import io.senseprobe.sink.StatusSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections folder, checked on a timer. Every tick looks at the folder (a change takes effect without a
 * restart) and hands out the connections that are due and not already being checked. A broken file is reported
 * once per content and keeps running the connections of its last good version until it is fixed.
 */
public final class Inventory {
    private static final Logger LOG = LoggerFactory.getLogger(Inventory.class);

    private final Path folder;
    private final Path errorsDir;
    private final Duration defaultInterval;
    // connection files are read once unchanged this long, like inbox files
    private final Duration settle;
    private final DefinitionLoader loader;
    private final StatusSink status;
    private final Clock clock;
    private final DefinitionFileEvents events;

    // null until the first look, so an empty folder is said once at start
    private ConnectionFiles seen;
    // false until the folder has been read once (a file saved just before the start waits for the settle time):
    // until then nothing counts as removed, so the alert state and status loaded at start are not forgotten
    private boolean loaded;
    // per file, the connections of its last version without problems
    private final Map<Path, List<Definition>> lastGood = new HashMap<>();
    // per broken file, the content hash already reported
    private final Map<Path, String> reported = new HashMap<>();
    private final Map<String, Scheduled> schedule = new TreeMap<>();

    private static final class Scheduled {
        Definition definition;
        Instant due;
        boolean running;

        Scheduled(Definition definition, Instant due) {
            this.definition = definition;
            this.due = due;
        }
    }

    public Inventory(ServiceSettings settings, DefinitionLoader loader, StatusSink status, Clock clock) {
        this(settings, loader, status, clock, DefinitionFileEvents.NONE);
    }

    public Inventory(ServiceSettings settings, DefinitionLoader loader, StatusSink status, Clock clock,
            DefinitionFileEvents events) {
        this.events = events;
        this.folder = settings.connectionsDir();
        this.errorsDir = settings.resultsDir().resolve("errors");
        this.defaultInterval = settings.checkInterval();
        this.settle = settings.inboxSettle();
        this.loader = loader;
        this.status = status;
        this.clock = clock;
    }

    /** Called every tick: picks up changes, then returns every connection that is due, marked as running. */
    public synchronized List<Definition> due() {
        reloadIfChanged();
        activeNow = Map.copyOf(active());
        // every tick, not only on a change: a check that was running when its file went has written it back since
        if (loaded) {
            status.retainConnections(schedule.values().stream().flatMap(s -> s.definition.checks().stream()
                    .map(check -> ResultKeys.of(s.definition.name(), check))).collect(Collectors.toSet()));
        }
        Instant now = clock.instant();
        List<Definition> due = new ArrayList<>();
        for (Scheduled s : schedule.values()) {
            if (!s.running && !s.due.isAfter(now)) {
                s.running = true;
                s.due = now.plus(intervalOf(s.definition));
                due.add(s.definition);
            }
        }
        return due;
    }

    /** Called when a check ended (also when it failed unexpectedly), so the connection can be due again. */
    public synchronized void finished(Definition definition) {
        Scheduled s = schedule.get(key(definition.name()));
        if (s != null) {
            s.running = false;
        }
    }

    /**
     * True when the connection ({@code name}, or {@code name/check}: and it runs that check) is in the inventory now:
     * one look-up (the alerts ask for every result and tick). Before the folder was first read, every connection is.
     */
    public synchronized boolean isActive(String connectionOrKey) {
        if (!loaded) {
            return true;
        }
        Scheduled s = schedule.get(key(ResultKeys.connectionOf(connectionOrKey)));
        return s != null && (!connectionOrKey.contains("/")
                || s.definition.checks().contains(connectionOrKey.substring(connectionOrKey.lastIndexOf('/') + 1)));
    }

    // what active() returned at the last tick, for readers that must not take this object's lock (see activeNow)
    private volatile Map<String, Definition> activeNow = Map.of();

    /**
     * As {@link #active()} at the last tick, without taking this object's lock: the alert service, status.json and
     * the metrics ask it while holding locks of their own, and this object calls them while holding its own.
     */
    public Map<String, Definition> activeNow() {
        return activeNow;
    }

    /** The connections being checked now, by name, and the definition each runs with. */
    public synchronized Map<String, Definition> active() {
        Map<String, Definition> active = new LinkedHashMap<>();
        schedule.values().forEach(s -> active.put(s.definition.name(), s.definition));
        return active;
    }

    private Duration intervalOf(Definition d) {
        Duration own = d.overrides() == null ? null : d.overrides().interval();
        return own != null && !own.isZero() ? own : defaultInterval;
    }

    private void reloadIfChanged() {
        ConnectionFiles now = ConnectionFiles.scan(folder);
        if (now.equals(seen) || now.beingWritten(settle)) {
            return;
        }
        seen = now;
        Set<Path> files = now.stamps().keySet();
        LoadResult loaded = loader.loadAll(files);
        Map<Path, List<Problem>> problems = loaded.problems().stream()
                .collect(Collectors.groupingBy(p -> p.file() == null ? folder : p.file().toAbsolutePath().normalize()));
        Map<Path, List<Definition>> fresh = loaded.definitions().stream()
                .collect(Collectors.groupingBy(d -> d.source().toAbsolutePath().normalize()));

        lastGood.keySet().retainAll(files);
        for (Path gone : new ArrayList<>(reported.keySet())) {
            if (!files.contains(gone)) {
                clearError(gone, false);
            }
        }
        for (Path file : files) {
            List<Problem> wrong = problems.get(file);
            if (wrong == null) {
                lastGood.put(file, fresh.getOrDefault(file, List.of()));
                clearError(file, true);
            } else {
                reportOnce(file, wrong);
            }
        }
        apply(collectActive(fresh, problems.keySet()));
    }

    /** Good files' fresh connections first; a broken file's last good ones only where the name is still free. */
    private Map<String, Definition> collectActive(Map<Path, List<Definition>> fresh, Set<Path> broken) {
        Map<String, Definition> active = new LinkedHashMap<>();
        lastGood.forEach((file, defs) -> {
            if (!broken.contains(file)) {
                defs.forEach(d -> active.putIfAbsent(key(d.name()), d));
            }
        });
        lastGood.forEach((file, defs) -> {
            if (broken.contains(file)) {
                defs.forEach(d -> active.putIfAbsent(key(d.name()), d));
            }
        });
        return active;
    }

    private void apply(Map<String, Definition> active) {
        boolean firstLook = !loaded;
        loaded = true;
        Instant now = clock.instant();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        schedule.keySet().removeIf(k -> {
            if (!active.containsKey(k)) {
                removed.add(schedule.get(k).definition.name());
                return true;
            }
            return false;
        });
        active.forEach((k, d) -> {
            Scheduled s = schedule.get(k);
            if (s == null) {
                schedule.put(k, new Scheduled(d, now));
                added.add(d.name());
            } else if (!s.definition.equals(d)) {
                // an edit is checked at once, with the new definition
                s.definition = d;
                s.due = now;
                changed.add(d.name());
            }
        });
        if (firstLook) {
            events.firstLoaded(active.values());
        }
        if (seen.stamps().isEmpty() && (firstLook || !removed.isEmpty())) {
            LOG.info("Inventory: no connection definitions in {}. Put .yaml, .yml or .json files there (the README's"
                    + " \"Check many connections\" shows them); they are picked up while the service runs.", folder);
        }
        if (added.isEmpty() && changed.isEmpty() && removed.isEmpty()) {
            return;
        }
        LOG.info("Inventory: {} connection(s) from {}{}{}{}", active.size(), folder, list(" added ", added),
                list(" changed ", changed), list(" removed ", removed));
    }

    private void reportOnce(Path file, List<Problem> wrong) {
        String hash = contentHash(file);
        if (hash.equals(reported.get(file))) {
            return;
        }
        reported.put(file, hash);
        List<Definition> kept = lastGood.getOrDefault(file, List.of());
        String keeps = kept.isEmpty()
                ? "none of its connections run until it is fixed"
                : "its connections keep their last good definition until it is fixed: "
                        + kept.stream().map(Definition::name).collect(Collectors.joining(", "));
        String described = wrong.stream().map(p -> p.describe(folder)).collect(Collectors.joining(System.lineSeparator()));
        LOG.warn("Inventory: {} is invalid; {}.{}{}", file.getFileName(), keeps, System.lineSeparator(), described);
        AtomicFiles.write(errorFile(file), described + System.lineSeparator() + System.lineSeparator()
                + "The service " + (kept.isEmpty() ? "runs none of its connections" : "keeps running "
                + kept.stream().map(Definition::name).collect(Collectors.joining(", ")) + " as last loaded")
                + " until the file is fixed." + System.lineSeparator(), true);
        events.invalid(file, wrong, kept.stream().map(Definition::name).toList());
    }

    private void clearError(Path file, boolean fixed) {
        if (reported.remove(file) != null) {
            try {
                Files.deleteIfExists(errorFile(file));
            } catch (IOException e) {
                LOG.warn("Inventory: cannot delete {}: {}", errorFile(file), e.toString());
            }
            if (fixed) {
                LOG.info("Inventory: {} is valid again.", file.getFileName());
                events.valid(file);
            }
        }
    }

    public Path errorFile(Path definitionFile) {
        return errorsDir.resolve(definitionFile.getFileName() + ".error.txt");
    }

    private static String contentHash(Path file) {
        try {
            // a bounded read, as the loader's: past the limit the file is a problem whatever the rest holds
            try (InputStream in = Files.newInputStream(file)) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readNBytes(BoundedFiles.ONE_MIB + 1)));
            }
        } catch (IOException e) {
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String list(String label, List<String> names) {
        return names.isEmpty() ? "" : ";" + label + String.join(", ", names);
    }
}
