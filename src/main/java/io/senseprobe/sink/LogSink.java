package io.senseprobe.sink;

import io.senseprobe.logging.Secrets;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultLine;
import java.io.PrintStream;

/**
 * One line per check on stdout ({@link ResultLine}): what an operator (or `docker logs`) reads. Logger output goes
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
        PrintStream target = out != null ? out : System.out;
        // println on one PrintStream is synchronized: lines from parallel checks never interleave
        target.println(Secrets.redact(ResultLine.format(result)));
    }
}
