package io.senseprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.SenseProbeBeans;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every command of the tree answers --help, -h and "help CMD", and its help names every option's default and variables. */
class HelpTreeTest {
    private static final CommandLine TREE = Cli.commandLine(SenseProbeBeans::new, new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));

    private static List<CommandLine> commands(CommandLine command) {
        List<CommandLine> all = new ArrayList<>(List.of(command));
        command.getSubcommands().values().forEach(sub -> all.addAll(commands(sub)));
        return all;
    }

    /** The command's words after "sense-probe", e.g. [qseow, connection-test]. */
    private static List<String> path(CommandLine command) {
        List<String> words = new ArrayList<>(List.of(command.getCommandSpec().qualifiedName(" ").split(" ")));
        return words.subList(1, words.size());
    }

    private static String[] with(List<String> words, String... more) {
        List<String> args = new ArrayList<>(words);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void aRunBuildsOnlyTheTopLevelCommandItNamesAndHelpOrATypoBuildsThemAll() {
        PrintWriter quiet = new PrintWriter(new StringWriter());
        CommandLine oneShot = Cli.commandLine(SenseProbeBeans::new, quiet, quiet, "qseow", "connection-test", "--host", "x");
        assertEquals(List.of("qseow"), List.copyOf(oneShot.getSubcommands().keySet()));
        assertTrue(oneShot.getSubcommands().get("qseow").getSubcommands().get("connection-test").getCommandSpec()
                .findOption("--auth-cert-file") != null, "the connection test's options (its model transformer) are there");
        List<String> all = List.copyOf(TREE.getSubcommands().keySet());
        assertEquals(all, List.copyOf(Cli.commandLine(SenseProbeBeans::new, quiet, quiet, "help", "qseow").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Cli.commandLine(SenseProbeBeans::new, quiet, quiet, "qsoew").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Cli.commandLine(SenseProbeBeans::new, quiet, quiet, "--help").getSubcommands().keySet()));
    }

    @Test
    void everyCommandAnswersHelpAndDashHWithItsUsage() {
        for (CommandLine command : commands(TREE)) {
            for (String flag : new String[] {"--help", "-h"}) {
                CliRun run = CliRun.of(with(path(command), flag));
                assertEquals(0, run.exitCode(), path(command) + " " + flag + ": " + run.all());
                assertTrue(run.out().contains("Usage: " + command.getCommandSpec().qualifiedName()), path(command) + " " + flag + ": " + run.all());
                assertEquals("", run.err(), path(command) + " " + flag);
            }
        }
    }

    @Test
    void helpCommandShowsTheHelpOfTheCommandNamed() {
        for (CommandLine command : commands(TREE)) {
            List<String> words = path(command);
            if (words.isEmpty() || words.get(words.size() - 1).equals("help")) {
                continue;
            }
            // "help CMD" on the command's parent: sense-probe help check, sense-probe qseow help connection-test
            List<String> args = new ArrayList<>(words.subList(0, words.size() - 1));
            args.add("help");
            args.add(words.get(words.size() - 1));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), args + ": " + run.all());
            assertEquals(CliRun.of(with(words, "--help")).out(), run.out(), String.valueOf(args));
        }
    }

    @Test
    void everyOptionSaysItsDefaultAndTheVariablesThatSetIt() {
        for (CommandLine command : commands(TREE)) {
            CommandSpec spec = command.getCommandSpec();
            String help = CliRun.of(with(path(command), "--help")).out().replaceAll("\\s+", " ");
            boolean fromEnvironment = spec.defaultValueProvider() instanceof EnvDefaults;
            for (OptionSpec option : spec.options()) {
                if (option.usageHelp() || option.versionHelp() || option.hidden()) {
                    continue;
                }
                String text = String.join(" ", option.description());
                String what = spec.qualifiedName() + " " + option.longestName();
                assertTrue(text.contains("Default: ") || text.contains("Required"), what + " names no default: " + text);
                assertTrue(help.contains(option.longestName()), what + " is not in the help");
                if (fromEnvironment) {
                    for (String variable : EnvDefaults.variables(option.longestName().substring(2))) {
                        assertTrue(text.contains(variable), what + " does not name " + variable + ": " + text);
                    }
                } else {
                    assertTrue(!text.contains("SENSE_PROBE_"), what + " names a variable its command does not read");
                }
            }
        }
    }

    @Test
    void versionIsTheBuildsOnEveryCommand() {
        for (CommandLine command : commands(TREE)) {
            if (command.getCommandSpec().optionsMap().containsKey("--version")) {
                CliRun run = CliRun.of(with(path(command), "--version"));
                assertEquals(0, run.exitCode(), run.all());
                assertTrue(run.out().trim().matches("sense-probe \\d+\\.\\d+\\.\\d+.*"), path(command) + ": " + run.out());
            }
        }
    }

    @Test
    void aLeafCommandWithRequiredParametersStillShowsItsHelp() {
        CliRun check = CliRun.of("check", "--help");
        assertEquals(0, check.exitCode(), check.all());
        assertTrue(check.out().contains("PATH..."), check.out());
        CliRun simulator = CliRun.of("simulator", "-h");
        assertEquals(0, simulator.exitCode(), simulator.all());
    }
}
