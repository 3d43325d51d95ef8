package io.senseprobe.cli;

import java.time.Clock;
import java.util.function.Function;
import org.apache.camel.CamelConfiguration;
import picocli.CommandLine;

/** Runs the command line: UTF-8 console, usage errors exit 2 (nothing was tried), no stack traces for users. */
public final class Cli {
    private Cli() {
    }

    /** @param checkBeans binds the check route's beans with a clock: the wiring, handed down by the main class */
    public static int run(Function<Clock, CamelConfiguration> checkBeans, String... args) {
        Console.useUtf8();
        CommandLine cli = new CommandLine(new RootCommand(checkBeans));
        cli.setOut(new java.io.PrintWriter(System.out, true));
        cli.setErr(new java.io.PrintWriter(System.err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().getErr().println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BEFORE_CONNECTION;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("sense-probe stopped: " + io.senseprobe.logging.Secrets.redact(String.valueOf(e.getMessage())));
            org.slf4j.LoggerFactory.getLogger(Cli.class).debug("Unexpected failure", e);
            return ExitCodes.FAILED;
        });
        return cli.execute(args);
    }
}
