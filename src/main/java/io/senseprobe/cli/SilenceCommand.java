package io.senseprobe.cli;

import io.senseprobe.alert.Silence;
import io.senseprobe.alert.SilenceFile;
import io.senseprobe.definition.Durations;
import io.senseprobe.files.AppHome;
import io.senseprobe.service.SenseProbeService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Silences for the unplanned: {@code out/silences.json} of the app home's service, which honours them at its next
 * tick (no failing or reminder alert for the connections silenced; checks and results go on). Written atomically.
 */
@Command(name = "silence", mixinStandardHelpOptions = true,
        description = "Hold back failing and reminder alerts for a while: add, list and remove silences (out/silences.json; the running service reads them at its next tick).",
        subcommands = {SilenceCommand.Add.class, SilenceCommand.ListSilences.class, SilenceCommand.Remove.class,
                HelpCommand.class})
final class SilenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Name what to do: silence add, silence list or silence remove ID.");
    }

    static SilenceFile file() throws IOException {
        return new SilenceFile(SenseProbeService.resultsDir(AppHome.resolve()));
    }

    static String describe(Silence s) {
        return s.id() + "  " + s.scope() + "  until " + s.until() + (s.comment() == null ? "" : "  \"" + s.comment() + "\"");
    }

    /** An unreadable file is the admin's to fix, never replaced by a command that would lose its silences. */
    static List<Silence> read(SilenceFile file) {
        try {
            return file.read();
        } catch (IOException e) {
            System.err.println(file.file() + " cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "). Fix or delete it, then try again.");
            return null;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Silence one connection, or every connection whose name matches a glob, for a while.")
    static final class Add implements Callable<Integer> {
        static final class Whom {
            @Option(names = "--connection", paramLabel = "NAME", required = true, description = "The connection to silence. Required (or --match).")
            String connection;

            @Option(names = "--match", paramLabel = "GLOB", required = true, description = "Silence every connection whose name matches, e.g. 'prod-*'. Required (or --connection).")
            String match;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Whom whom;

        @Option(names = "--for", paramLabel = "DURATION", required = true, description = "How long, e.g. 30m, 2h, 1d. Required.")
        String duration;

        @Option(names = "--comment", paramLabel = "TEXT", description = "Why, for the list and the log. Default: none.")
        String comment;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Duration length;
            try {
                length = Durations.parse(duration);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--for: " + e.getMessage() + ". Give a duration such as 30m, 2h or 1d.");
            }
            if (length.isZero()) {
                throw new ParameterException(spec.commandLine(), "--for: a silence of 0 would end at once. Give a duration such as 30m, 2h or 1d.");
            }
            SilenceFile file = file();
            return file.locked(() -> add(file, length));
        }

        private int add(SilenceFile file, Duration length) throws IOException {
            List<Silence> read = read(file);
            if (read == null) {
                return ExitCodes.FAILED;
            }
            List<Silence> silences = new ArrayList<>(read);
            Instant now = Clock.systemUTC().instant();
            // expired silences are dropped here, so the file does not grow for ever
            silences.removeIf(s -> !s.activeAt(now));
            Silence added = new Silence(UUID.randomUUID().toString().substring(0, 8), whom.connection, whom.match,
                    now.plus(length).toString(), comment, now.toString());
            silences.add(added);
            file.write(silences);
            System.out.println("Added " + describe(added));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The silences in force, one a line: id, whom, until, comment.")
    static final class ListSilences implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            SilenceFile file = file();
            Instant now = Clock.systemUTC().instant();
            List<Silence> read = read(file);
            if (read == null) {
                return ExitCodes.FAILED;
            }
            List<Silence> active = read.stream().filter(s -> s.activeAt(now)).toList();
            if (active.isEmpty()) {
                System.out.println("No silences in force (" + file.file() + ").");
            }
            active.forEach(s -> System.out.println(describe(s)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "End a silence now.")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The id that silence add and silence list show.")
        String id;

        @Override
        public Integer call() throws IOException {
            SilenceFile file = file();
            return file.locked(() -> remove(file));
        }

        private int remove(SilenceFile file) throws IOException {
            List<Silence> read = read(file);
            if (read == null) {
                return ExitCodes.FAILED;
            }
            List<Silence> silences = new ArrayList<>(read);
            if (!silences.removeIf(s -> s.id().equals(id))) {
                System.err.println("No silence " + id + " in " + file.file() + "; \"sense-probe silence list\" shows them.");
                return ExitCodes.FAILED;
            }
            file.write(silences);
            System.out.println("Removed silence " + id + ".");
            return ExitCodes.OK;
        }
    }
}
