package io.senseprobe.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
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
        return commandLine(checkBeans, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args).execute(args);
    }

    /** The whole command tree with its handlers, writing help to {@code out} and usage errors to {@code err}. */
    static CommandLine commandLine(Function<Clock, CamelConfiguration> checkBeans, PrintWriter out, PrintWriter err) {
        return commandLine(checkBeans, out, err, new String[0]);
    }

    /**
     * The command tree for {@code args}: only the top-level command {@code args} start with when they name one (the
     * command runs and reports usage errors exactly as in the whole tree), every command otherwise (help, a usage
     * error or a typo at the top level lists them all).
     */
    static CommandLine commandLine(Function<Clock, CamelConfiguration> checkBeans, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new RootCommand(checkBeans));
        String first = args.length == 0 ? "" : args[0];
        List<Class<?>> named = RootCommand.COMMANDS.stream().filter(c -> commandName(c).equals(first)).toList();
        // each its own CommandLine: picocli applies a command's model transformer (the connection tests' options)
        // only in a constructor called from outside, not to a command added by class
        for (Class<?> command : named.isEmpty() || first.equals("help") ? RootCommand.COMMANDS : named) {
            cli.addSubcommand(commandName(command), new CommandLine(command));
        }
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

    private static String commandName(Class<?> command) {
        return command.getAnnotation(picocli.CommandLine.Command.class).name();
    }

    /** -V on a subcommand prints the version too (picocli gives a subcommand none of its own). */
    private static void everyVersion(CommandLine command) {
        command.getCommandSpec().versionProvider(new RootCommand.VersionProvider());
        command.getSubcommands().values().forEach(Cli::everyVersion);
    }
}
