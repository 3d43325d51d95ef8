package io.senseprobe.sink;

import io.senseprobe.logging.Secrets;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultLine;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * One line per check on stdout: when the check ran (its {@code checkedAt}, UTC), where it came from ({@code inbox}
 * or {@code inventory}) and its {@link ResultLine}: what an operator (or `docker logs`) reads. Logger output goes
 * to stderr, so stdout holds only these lines.
 */
public final class LogSink implements ResultSink {
    private final PrintStream out;

    public LogSink() {
        this(null);
    }

    /** {@code out} for tests; null means whatever System.out is when a line is printed. */
    public LogSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(CheckResult result) {
        write(result, null);
    }

    /** @param source the route's exchange property senseSource: inbox or inventory (null: none is said) */
    public void write(CheckResult result, String source) {
        PrintStream target = out != null ? out : System.out;
        String line = millis(result.checkedAt()) + " " + (source == null ? "" : source + " ") + ResultLine.format(result);
        // println on one PrintStream is synchronized: lines from parallel checks never interleave
        target.println(Secrets.redact(line));
    }

    /** 2026-12-02T05:14:25.007Z rather than the record's nanoseconds: a log line needs no more. */
    private static String millis(String checkedAt) {
        try {
            return Instant.parse(checkedAt).truncatedTo(ChronoUnit.MILLIS).toString();
        } catch (DateTimeParseException | NullPointerException e) {
            return String.valueOf(checkedAt);
        }
    }
}
