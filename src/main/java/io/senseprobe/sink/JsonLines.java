package io.senseprobe.sink;

import io.senseprobe.files.WriteOutages;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultJson;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The daily JSON-lines file's name and line for a record (the json-lines route appends them with camel-file):
 * {@code <yyyy-mm-dd>.jsonl}, the day taken from the record's checkedAt in UTC, so a record lands in the same
 * file whenever it is written.
 */
public final class JsonLines {
    private final Path folder;

    /** {@code folder}: where the route appends ({@code <results>/results}), for the outage lines. */
    public JsonLines(Path folder) {
        this.folder = folder;
    }

    public String fileName(CheckResult result) {
        return LocalDate.ofInstant(checkedAt(result), ZoneOffset.UTC) + ".jsonl";
    }

    public String line(CheckResult result) {
        return ResultJson.line(result) + "\n";
    }

    /**
     * The route's doTry: the line is in the file (ends an outage of the folder). The header by annotation, not by a
     * simple expression in the route: this runs for every record of every sweep.
     */
    public void written(@Header(Exchange.FILE_NAME) String fileName) {
        WriteOutages.worked(folder, fileName);
    }

    /**
     * The route's doCatch: the line could not be appended (folder gone, disk full). Logged once per outage; the
     * record still goes on to status, metrics and alerts.
     */
    public void notWritten(String fileName, Exception e) {
        WriteOutages.failed(folder, fileName, e);
    }

    private static Instant checkedAt(CheckResult result) {
        try {
            return Instant.parse(result.checkedAt());
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }
}
