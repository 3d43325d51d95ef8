package io.senseprobe.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Function;
import org.apache.camel.CamelConfiguration;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/** Runs the command line: UTF-8 console, usage errors exit 2 (nothing was tried), no stack traces for users. */
public final class Cli {
    private Cli() {
    }

    /** @param checkBeans binds the check route's beans with a clock: the wiring, handed down by the main class */
    public static int run(Function<Clock, CamelConfiguration> checkBeans, String... args) {
        Console.useUtf8();
        return commandLine(checkBeans, new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** The whole command tree with its handlers, writing help to {@code out} and usage errors to {@code err}. */
    static CommandLine commandLine(Function<Clock, CamelConfiguration> checkBeans, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RootCommand(checkBeans));
        cli.setOut(out);
        cli.setErr(err);
        // as in Ctrl-Q: an option given twice takes its last value
        cli.setOverwrittenOptionsAllowed(true);
        everyVersion(cli);
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter errors = e.getCommandLine().getErr();
            errors.println(e.getMessage());
            if (e instanceof UnmatchedArgumentException unmatched) {
                OptionSuggestions.of(unmatched).forEach(errors::println);
            }
            errors.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BEFORE_CONNECTION;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("sense-probe stopped: " + io.senseprobe.logging.Secrets.redact(String.valueOf(e.getMessage())));
            org.slf4j.LoggerFactory.getLogger(Cli.class).debug("Unexpected failure", e);
            return ExitCodes.FAILED;
        });
        return cli;
    }

    /** -V on a subcommand prints the version too (picocli gives a subcommand none of its own). */
    private static void everyVersion(CommandLine command) {
        command.getCommandSpec().versionProvider(new RootCommand.VersionProvider());
        command.getSubcommands().values().forEach(Cli::everyVersion);
    }
}
