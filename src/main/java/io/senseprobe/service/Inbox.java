package io.senseprobe.service;

import static io.senseprobe.check.ExchangeProperties.INBOX_FOLDER;
import static io.senseprobe.check.ExchangeProperties.INBOX_JOB;

import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.definition.LoadResult;
import io.senseprobe.files.AtomicFiles;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultJson;
import java.io.IOException;
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

    /** Right after the claim: retention counts from the claim, not from when the user wrote the file. */
    public void claimed(@Header(Exchange.FILE_PATH) String claimed) throws IOException {
        Path file = Path.of(claimed);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        AtomicFiles.makePrivate(file);
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
        } catch (RuntimeException e) {
            // an unexpected failure still ends in .error with a report, never stuck in .inflight
            job.problems().add(job.claimedName() + ": could not be checked: " + e);
        }
        return job;
    }

    /** The results of the file's checks, in the file's order (the split's aggregate). */
    public void checked(@ExchangeProperty(INBOX_JOB) InboxJob job, List<CheckResult> results) {
        job.recordResults(results);
    }

    /** Writes the report and tells the file consumer where the definition goes: .done or .error. */
    public void finish(Exchange exchange) throws IOException {
        InboxJob job = exchange.getProperty(INBOX_JOB, InboxJob.class);
        if (job == null) {
            job = new InboxJob(Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class)));
            job.problems().add(job.claimedName() + ": could not be read.");
        }
        String name = job.claimedName();
        if (job.valid()) {
            AtomicFiles.writeUnflushed(folders.resultReport(name), ResultJson.pretty(job.results()), true);
            exchange.setProperty(INBOX_FOLDER, folders.done().toString());
            long failed = job.results().stream().filter(CheckResult::failed).count();
            LOG.info("Inbox: {} checked, {} ok, {} failed: {}", name, job.results().size() - failed, failed,
                    folders.resultReport(name));
        } else {
            AtomicFiles.writeUnflushed(folders.errorReport(name), String.join(System.lineSeparator(), job.problems())
                    + System.lineSeparator(), true);
            exchange.setProperty(INBOX_FOLDER, folders.error().toString());
            LOG.warn("Inbox: {} is invalid ({} problem{}): {}", name, job.problems().size(),
                    job.problems().size() == 1 ? "" : "s", folders.errorReport(name));
        }
    }

    /** A result could not reach a sink: the report is still written and the file still leaves .inflight. */
    public void sinkFailed(@ExchangeProperty(INBOX_JOB) InboxJob job, Exception e) {
        LOG.warn("Inbox: a result of {} could not be written to every sink: {}", job.claimedName(), e.toString());
    }
}
