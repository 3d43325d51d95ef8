package io.senseprobe.service;

import io.senseprobe.check.CheckRunner;
import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.definition.LoadResult;
import io.senseprobe.files.AtomicFiles;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watched inbox: one-off checks of dropped definition files. A file is taken once it is complete (unchanged
 * for the settle time; a file renamed in keeps its old modification time and is taken at once), claimed by a move
 * into .inflight, checked, and moved into .done with its result report or into .error with its problems.
 * Files left in .inflight by a crash are finished on start.
 */
public final class Inbox {
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    private static final Duration LONGEST_SWEEP_PAUSE = Duration.ofMinutes(1);

    private final InboxFolders folders;
    private final Duration settle;
    private final Duration retention;
    private final DefinitionLoader loader;
    private final CheckRunner runner;
    private final Clock clock;
    // names already logged as ignored: once each while the file stays
    private final Set<String> ignoredLogged = new HashSet<>();
    private boolean leftoversTaken;
    private Instant nextSweep = Instant.MIN;

    public Inbox(ServiceSettings settings, DefinitionLoader loader, CheckRunner runner, Clock clock) {
        this.folders = InboxFolders.in(settings.inboxDir());
        this.settle = settings.inboxSettle();
        this.retention = settings.inboxRetention();
        this.loader = loader;
        this.runner = runner;
        this.clock = clock;
        folders.create();
    }

    public InboxFolders folders() {
        return folders;
    }

    /** Called by the inbox timer: leftovers first (once), then every complete new file, each claimed. */
    public synchronized List<InboxJob> claimReady() {
        List<InboxJob> jobs = new ArrayList<>();
        if (!leftoversTaken) {
            leftoversTaken = true;
            jobs.addAll(leftovers());
        }
        Instant now = clock.instant();
        Set<String> present = new HashSet<>();
        for (Path file : list(folders.inbox())) {
            String name = file.getFileName().toString();
            present.add(name);
            if (Files.isDirectory(file)) {
                continue;
            }
            String why = InboxFileRules.whyIgnored(file);
            if (why != null) {
                if (ignoredLogged.add(name)) {
                    LOG.info("Inbox: leaving {} alone: {}.", name, why);
                }
            } else if (settled(file)) {
                claim(file, now).ifPresent(jobs::add);
            }
        }
        ignoredLogged.retainAll(present);
        if (!now.isBefore(nextSweep)) {
            sweep(now);
            nextSweep = now.plus(retention.compareTo(LONGEST_SWEEP_PAUSE) < 0 ? retention : LONGEST_SWEEP_PAUSE);
        }
        return jobs;
    }

    /** Loads the claimed file and, when every connection in it is valid, checks them all at once. */
    public InboxJob check(InboxJob job) {
        try {
            LoadResult loaded = loader.load(job.claimed());
            loaded.problems().stream().map(p -> p.describe(folders.inflight())).forEach(job.problems()::add);
            if (loaded.ok() && loaded.definitions().isEmpty()) {
                job.problems().add(job.claimedName() + ": holds no connection definition.");
            }
            if (job.valid()) {
                job.recordDefinitions(loaded.definitions());
                job.recordResults(runner.runAll(loaded.definitions()));
            }
        } catch (RuntimeException e) {
            // an unexpected failure still ends in .error with a report, never stuck in .inflight
            job.problems().add(job.claimedName() + ": could not be checked: " + e);
        }
        return job;
    }

    /** Writes the report first and moves the definition after it: a crash in between redoes the claim. */
    public void finish(InboxJob job) throws IOException {
        String name = job.claimedName();
        if (job.valid()) {
            AtomicFiles.write(folders.resultReport(name), ResultJson.pretty(job.results()), true);
            moveOut(job.claimed(), folders.done().resolve(name));
            long failed = job.results().stream().filter(CheckResult::failed).count();
            LOG.info("Inbox: {} checked, {} ok, {} failed: {}", name, job.results().size() - failed, failed,
                    folders.resultReport(name));
        } else {
            AtomicFiles.write(folders.errorReport(name), String.join(System.lineSeparator(), job.problems())
                    + System.lineSeparator(), true);
            moveOut(job.claimed(), folders.error().resolve(name));
            LOG.warn("Inbox: {} is invalid ({} problem{}): {}", name, job.problems().size(),
                    job.problems().size() == 1 ? "" : "s", folders.errorReport(name));
        }
    }

    private List<InboxJob> leftovers() {
        List<InboxJob> jobs = list(folders.inflight()).stream()
                .filter(p -> Files.isRegularFile(p) && InboxFileRules.whyIgnored(p) == null)
                .map(InboxJob::new).toList();
        if (!jobs.isEmpty()) {
            LOG.info("Inbox: finishing {} file(s) left in {} by the last run.", jobs.size(), folders.inflight());
        }
        return jobs;
    }

    private boolean settled(Path file) {
        try {
            return Settle.settled(Files.getLastModifiedTime(file).toMillis(), settle);
        } catch (IOException e) {
            return false;
        }
    }

    private Optional<InboxJob> claim(Path file, Instant now) {
        Path claimed = folders.inflight().resolve(InboxFolders.claimedName(file.getFileName().toString(), now));
        try {
            AtomicFiles.move(file, claimed);
            // retention counts from the claim, not from when the user wrote the file
            Files.setLastModifiedTime(claimed, FileTime.from(now));
            AtomicFiles.makePrivate(claimed);
            return Optional.of(new InboxJob(claimed));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Inbox: cannot claim {}: {}", file.getFileName(), e.toString());
            return Optional.empty();
        }
    }

    private static void moveOut(Path claimed, Path target) throws IOException {
        Files.move(claimed, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes definitions and reports in .done and .error older than the retention. */
    void sweep(Instant now) {
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
            return files.sorted(Comparator.comparing(Path::toString)).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }
}
