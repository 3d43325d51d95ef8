package io.senseprobe.cli;

import io.senseprobe.files.Version;
import io.senseprobe.check.OneShotCamel;
import io.senseprobe.check.SenseCheck;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.DefinitionKeys;
import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.definition.LoadResult;
import io.senseprobe.definition.Target;
import io.senseprobe.files.AppHome;
import io.senseprobe.logging.Secrets;
import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * Ctrl-Q's connection-test: the options become a definition (validated like a file's, paths relative to the
 * current directory), one check runs in a minimal Camel context, and the outcome is printed the way Ctrl-Q does.
 */
abstract class ConnectionTest implements java.util.concurrent.Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    private final Target target;
    private final List<KeyOption> options;
    private final List<Map.Entry<String, String>> senseLines;
    private final boolean padLabels;

    /**
     * The command for sites of {@code target}: its options set the definition keys they are named after,
     * {@code senseLines} are the labels of the result's sense fields printed on success, padded to the longest
     * label when {@code padLabels} (as Ctrl-Q prints them).
     */
    ConnectionTest(Target target, List<KeyOption> options, List<Map.Entry<String, String>> senseLines, boolean padLabels) {
        this.target = target;
        this.options = options;
        this.senseLines = senseLines;
        this.padLabels = padLabels;
    }

    /** The site as the first lines printed name it. */
    abstract String site(Definition d);

    /**
     * An option of the command: {@code --key}, and {@code -a} for auth-type as in Ctrl-Q. {@code defaultText} says
     * what applies when it is not given ("required ..." for what must be).
     */
    record KeyOption(String key, String label, String description, String defaultText) {
        String[] names() {
            return key.equals(DefinitionKeys.AUTH_TYPE) ? new String[] {"-a", "--" + key} : new String[] {"--" + key};
        }

        /** The help: what it is, its default, the variables that set it. */
        String help() {
            String when = defaultText.startsWith("required")
                    ? "R" + defaultText.substring(1) + "." : "Default: " + defaultText + ".";
            return description + " " + when + " " + EnvDefaults.helpText(key);
        }
    }

    /** The options in {@code file} beside this class: key, label, description and default, tab-separated, one option a line. */
    static List<KeyOption> options(String file) {
        try (InputStream table = ConnectionTest.class.getResourceAsStream(file)) {
            return new String(table.readAllBytes(), StandardCharsets.UTF_8).lines().map(line -> line.split("\t"))
                    .map(fields -> new KeyOption(fields[0], fields[1], fields[2], fields[3])).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The packaged " + file + " is unreadable", e);
        }
    }

    /** Adds the command's key options to its model (named in the command's {@code modelTransformer}). */
    static final class KeyOptions implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            for (KeyOption option : ((ConnectionTest) command.userObject()).options) {
                command.addOption(OptionSpec.builder(option.names()).type(String.class).paramLabel(option.label())
                        .description(option.help()).build());
            }
            return command;
        }
    }

    @Override
    public Integer call() throws Exception {
        output.applyLogLevel(spec);
        Map<String, Object> values = values();
        values.forEach((key, v) -> {
            if (DefinitionKeys.isSecret(key) && v != null) {
                Secrets.register(v.toString());
            }
        });
        PrintStream human = output.human();
        printBanner(human);
        CommandLineWords words = new CommandLineWords(options.stream()
                .collect(Collectors.toMap(KeyOption::key, KeyOption::label)));

        LoadResult loaded = new DefinitionLoader(AppHome.resolve())
                .fromValues(values, "command line", Path.of("").toAbsolutePath());
        if (!loaded.ok()) {
            List<CheckResult> records = ProblemRecords.of(loaded.problems(), SenseCheck.of(target).id(), Instant.now(),
                    p -> words.problem(ProblemRecords.withoutFix(p)), words::text);
            loaded.problems().forEach(p -> human.println(words.problem(p)));
            printJson(records);
            return ResultPrinter.exitCode(records);
        }
        Definition d = loaded.definitions().get(0);
        human.println("Testing connection to " + site(d));
        List<CheckResult> results;
        try (OneShotCamel camel = OneShotCamel.start(AppHome.resolve(), RootCommand.checkBeans(spec).apply(Clock.systemUTC()))) {
            results = camel.runner().runChecks(d);
        }
        for (CheckResult result : results) {
            printBlock(human, d, result, words);
        }
        printJson(results);
        return ResultPrinter.exitCode(results);
    }

    /** The connection test's block as Ctrl-Q prints it for the site's own check; one short block for each further check. */
    private void printBlock(PrintStream human, Definition d, CheckResult result, CommandLineWords words) {
        if (!result.check().equals(SenseCheck.of(target).id())) {
            human.println("Check " + result.check() + ": " + result.status().json()
                    + (result.category() == Category.OK ? "" : " (" + result.category().id() + ")"));
            human.println("  " + words.text(result.message()));
            if (result.category() != Category.OK && result.hint() != null && !result.hint().isEmpty()) {
                human.println("  Hint: " + words.text(result.hint()));
            }
            return;
        }
        if (result.failed()) {
            human.println("Connection failed: " + result.category().id());
            human.println("  " + words.text(result.message()));
            if (result.hint() != null && !result.hint().isEmpty()) {
                human.println("  Hint: " + words.text(result.hint()));
            }
        } else {
            human.println("Successfully connected to " + site(d));
            int width = padLabels ? senseLines.stream().mapToInt(line -> line.getKey().length()).max().orElse(0) : 0;
            for (Map.Entry<String, String> line : senseLines) {
                String label = width == 0 ? line.getKey() : String.format("%-" + width + "s", line.getKey());
                human.println(label + ": " + result.sense().get(line.getValue()));
            }
            if (result.status() == Status.WARNING) {
                human.println("Warning: " + result.category().id());
                human.println("  " + result.message());
                human.println("  Hint: " + result.hint());
            }
        }
    }

    private void printJson(List<CheckResult> records) {
        if (output.json) {
            records.forEach(r -> System.out.println(ResultPrinter.json(r)));
        }
    }

    private void printBanner(PrintStream out) {
        out.println("-----------------------------------------------------------");
        out.println("| sense-probe " + Version.get());
        out.println("| Log level: " + output.logLevelOrDefault());
        out.println("-----------------------------------------------------------");
    }

    /** The value of the option that sets {@code key}; null when it is not given. */
    String value(String key) {
        return spec.findOption(key).getValue();
    }

    /** The definition: a name from the host, the target, and every option given that is a definition key. */
    private Map<String, Object> values() {
        String hostKey = target == Target.QSCLOUD ? DefinitionKeys.TENANT_HOST : DefinitionKeys.HOST;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(DefinitionKeys.NAME, ConnectionNames.fromHost(value(hostKey), target));
        values.put(DefinitionKeys.TARGET, target.id());
        for (OptionSpec option : spec.options()) {
            String key = option.longestName().replaceFirst("^--", "");
            if (DefinitionKeys.all().contains(key) && option.getValue() != null) {
                values.put(key, option.getValue());
            }
        }
        return values;
    }
}
