package io.senseprobe.sink;

import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The daily JSON-lines file's name and line for a record (the json-lines route appends them with camel-file):
 * {@code <yyyy-mm-dd>.jsonl}, the day taken from the record's checkedAt in UTC, so a record lands in the same
 * file whenever it is written.
 */
public final class JsonLines {

    public String fileName(CheckResult result) {
        return LocalDate.ofInstant(checkedAt(result), ZoneOffset.UTC) + ".jsonl";
    }

    public String line(CheckResult result) {
        return ResultJson.line(result) + "\n";
    }

    private static Instant checkedAt(CheckResult result) {
        try {
            return Instant.parse(result.checkedAt());
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }
}
