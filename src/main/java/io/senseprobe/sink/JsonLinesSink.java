package io.senseprobe.sink;

import io.senseprobe.result.ResultJson;
import io.senseprobe.result.CheckResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Appends every record as one JSON line to {@code <results>/results/<yyyy-mm-dd>.jsonl}, the day taken from the
 * record's checkedAt in UTC, so a record lands in the same file whenever it is written.
 */
public final class JsonLinesSink implements ResultSink {
    private final Path folder;

    public JsonLinesSink(Path resultsDir) {
        this.folder = resultsDir.resolve("results");
    }

    public Path fileFor(Instant checkedAt) {
        return folder.resolve(LocalDate.ofInstant(checkedAt, ZoneOffset.UTC) + ".jsonl");
    }

    @Override
    public void write(CheckResult result) {
        Path file = fileFor(checkedAt(result));
        byte[] line = (ResultJson.line(result) + "\n").getBytes(StandardCharsets.UTF_8);
        // one append per line under a lock: concurrent checks never interleave half lines
        synchronized (this) {
            try {
                Files.createDirectories(folder);
                Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot append to " + file, e);
            }
        }
    }

    private static Instant checkedAt(CheckResult result) {
        try {
            return Instant.parse(result.checkedAt());
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }
}
