package io.senseprobe.service;

import static io.senseprobe.check.ExchangeProperties.INBOX_FOLDER;
import static io.senseprobe.check.ExchangeProperties.INBOX_JOB;

import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.definition.LoadResult;
import io.senseprobe.files.AtomicFiles;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the inbox routes that are not Camel's own: the camel-file consumer finds, settles, claims (preMove
 * into .inflight) and finally moves each file; these steps date the claim, load the file, and write its report.
 * The report is written before Camel moves the definition out: a crash in between redoes the claim, and the redo
 * overwrites the report.
 */
public final class Inbox {
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    private final InboxFolders folders;
    private final DefinitionLoader loader;
    private final Clock clock;

    public Inbox(ServiceSettings settings, DefinitionLoader loader, Clock clock) {
        this.folders = InboxFolders.in(settings.inboxDir());
        this.loader = loader;
        this.clock = clock;
        folders.create();
    }

    public InboxFolders folders() {
        return folders;
    }

    /**
     * Right after the claim, before the file waits for a worker: owner-only (definitions hold secrets), and dated
     * from the claim, which the retention counts from. A file the service may not change (another owner) is checked
     * all the same.
     */
    public void claimed(@Header(Exchange.FILE_PATH) String claimed) {
        Path file = Path.of(claimed);
        try {
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            AtomicFiles.makePrivate(file);
        } catch (IOException e) {
            LOG.warn("Inbox: cannot make {} owner-only and date it from the claim: {}", file.getFileName(), e.toString());
        }
    }

    /** The claimed file's connections, or every problem that keeps them from being checked. */
    public InboxJob load(@Header(Exchange.FILE_PATH) String claimed) {
        InboxJob job = new InboxJob(Path.of(claimed));
        try {
            LoadResult loaded = loader.load(job.claimed());
            loaded.problems().stream().map(p -> p.describe(folders.inflight())).forEach(job.problems()::add);
            if (loaded.ok() && loaded.definitions().isEmpty()) {
                job.problems().add(job.claimedName() + ": holds no connection definition.");
            }
            if (job.valid()) {
                job.recordDefinitions(loaded.definitions());
            }
        } catch (RuntimeException | StackOverflowError e) {
            // an unexpected failure still ends in .error with a report, never stuck in .inflight
            failed(job, e);
        }
        return job;
    }

    /** The file could not be checked to its end (a failure outside the checks): it goes to .error saying why. */
    public void failed(@ExchangeProperty(INBOX_JOB) InboxJob job, Throwable e) {
        job.problems().add(job.claimedName() + ": could not be checked: " + e);
    }

    /** The results of the file's checks, in the file's order (the split's aggregate). */
    public void checked(@ExchangeProperty(INBOX_JOB) InboxJob job, List<CheckResult> results) {
        job.recordResults(results);
    }

    /** Writes the report and tells the file consumer where the definition goes: .done or .error. */
    public void finish(Exchange exchange) {
        InboxJob job = exchange.getProperty(INBOX_JOB, InboxJob.class);
        if (job == null) {
            job = new InboxJob(Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class)));
            job.problems().add(job.claimedName() + ": could not be read.");
        }
        String name = job.claimedName();
        exchange.setProperty(INBOX_FOLDER, (job.valid() ? folders.done() : folders.error()).toString());
        try {
            if (job.valid()) {
                AtomicFiles.writeUnflushed(folders.resultReport(name), ResultJson.pretty(job.results()), true);
                long failed = job.results().stream().filter(CheckResult::failed).count();
                LOG.info("Inbox: {} checked, {} ok, {} failed: {}", name, job.results().size() - failed, failed,
                        folders.resultReport(name));
            } else {
                AtomicFiles.writeUnflushed(folders.errorReport(name), String.join(System.lineSeparator(),
                        job.problems()) + System.lineSeparator(), true);
                LOG.warn("Inbox: {} is invalid ({} problem{}): {}", name, job.problems().size(),
                        job.problems().size() == 1 ? "" : "s", folders.errorReport(name));
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.error("Inbox: cannot write the report of {} ({}); the file goes to {} without one", name, e, folders.error());
            exchange.setProperty(INBOX_FOLDER, folders.error().toString());
        }
    }

    /** A result could not reach a sink: the report is still written and the file still leaves .inflight. */
    public void sinkFailed(@ExchangeProperty(INBOX_JOB) InboxJob job, Exception e) {
        LOG.warn("Inbox: a result of {} could not be written to every sink: {}", job.claimedName(), e.toString());
    }
}
