package io.senseprobe.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox's light scan, beside the file consumer: it logs once each file the consumer leaves alone (the consumer
 * never shows us dot-files, and the names its include pattern rejects), and deletes reports and definitions in
 * .done and .error older than the retention, at most once a minute.
 */
public final class InboxHousekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    private static final Duration LONGEST_SWEEP_PAUSE = Duration.ofMinutes(1);

    private final InboxFolders folders;
    private final Duration retention;
    private final Clock clock;
    // names already logged as ignored: once each while the file stays
    private final Set<String> ignoredLogged = new HashSet<>();
    private Instant nextSweep = Instant.MIN;

    public InboxHousekeeping(InboxFolders folders, Duration retention, Clock clock) {
        this.folders = folders;
        this.retention = retention;
        this.clock = clock;
    }

    public synchronized void run() {
        logIgnored();
        Instant now = clock.instant();
        if (!now.isBefore(nextSweep)) {
            sweep(now);
            nextSweep = now.plus(retention.compareTo(LONGEST_SWEEP_PAUSE) < 0 ? retention : LONGEST_SWEEP_PAUSE);
        }
    }

    private void logIgnored() {
        Set<String> present = new HashSet<>();
        for (Path file : list(folders.inbox())) {
            String name = file.getFileName().toString();
            present.add(name);
            String why = InboxFileRules.whyIgnored(file);
            if (why != null && !ignoredLogged.contains(name) && !Files.isDirectory(file) && !InboxFileRules.isPlaceholder(file)) {
                ignoredLogged.add(name);
                LOG.info("Inbox: leaving {} alone: {}.", name, why);
            }
        }
        ignoredLogged.retainAll(present);
    }

    private void sweep(Instant now) {
        Instant cutoff = now.minus(retention);
        for (Path folder : List.of(folders.done(), folders.error())) {
            for (Path file : list(folder)) {
                try {
                    if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                        Files.deleteIfExists(file);
                        LOG.debug("Inbox: deleted {} (older than {}).", file, retention);
                    }
                } catch (IOException e) {
                    LOG.warn("Inbox: cannot delete {}: {}", file, e.toString());
                }
            }
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }
}
