package io.senseprobe.cli;

import io.senseprobe.logging.LogLevels;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** Options every checking command shares: log level and JSON output. */
public class OutputOptions {
    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "error, warn, info, verbose, debug or silly. Default: info. Env: SENSE_PROBE_LOG_LEVEL, CTRLQ_LOG_LEVEL.")
    String logLevel;

    @Option(names = "--json", description = "Print one JSON result record per connection on stdout and nothing else (human output goes to stderr). Default: off. Env: SENSE_PROBE_JSON.")
    boolean json;

    /** Where human-readable text goes: stderr under --json, else stdout. */
    PrintStream human() {
        return json ? System.err : System.out;
    }

    String logLevelOrDefault() {
        return logLevel == null ? "info" : logLevel;
    }

    /** Checks --log-level (a usage error when it is not a level) and applies it. */
    void applyLogLevel(picocli.CommandLine.Model.CommandSpec spec) {
        applyLogLevel(logLevel, spec);
    }

    /** The same for a command with its own --log-level option ({@code run}); null is info. */
    static void applyLogLevel(String logLevel, picocli.CommandLine.Model.CommandSpec spec) {
        String level = logLevel == null ? "info" : logLevel;
        if (!LogLevels.isValid(level)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--log-level must be one of "
                    + LogLevels.NAMES + ", not \"" + logLevel + "\".");
        }
        LogLevels.apply(level);
    }
}
