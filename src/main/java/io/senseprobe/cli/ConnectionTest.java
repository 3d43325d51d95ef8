package io.senseprobe.cli;

import io.senseprobe.files.Version;
import io.senseprobe.check.OneShotCamel;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.DefinitionKeys;
import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.definition.LoadResult;
import io.senseprobe.definition.Target;
import io.senseprobe.files.AppHome;
import io.senseprobe.logging.LogLevels;
import io.senseprobe.logging.Secrets;
import io.senseprobe.result.CheckResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
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

    /** The site this command tests; its options are named after the definition keys they set. */
    abstract Target target();

    abstract String checkId();

    abstract void printTesting(PrintStream out, Definition d);

    abstract void printSuccess(PrintStream out, CheckResult r);

    @Override
    public Integer call() throws Exception {
        if (!output.logLevelValid()) {
            throw new ParameterException(spec.commandLine(), "--log-level must be one of " + LogLevels.NAMES
                    + ", not \"" + output.logLevel + "\".");
        }
        LogLevels.apply(output.logLevelOrDefault());
        Map<String, Object> values = values();
        values.forEach((key, v) -> {
            if (DefinitionKeys.isSecret(key) && v != null) {
                Secrets.register(v.toString());
            }
        });
        PrintStream human = output.human();
        printBanner(human);

        LoadResult loaded = new DefinitionLoader(AppHome.resolve())
                .fromValues(values, "command line", Path.of("").toAbsolutePath());
        if (!loaded.ok()) {
            List<CheckResult> records = ProblemRecords.of(loaded.problems(), checkId(), Instant.now());
            loaded.problems().forEach(p -> human.println(p.describe()));
            printJson(records);
            return ResultPrinter.exitCode(records);
        }
        Definition d = loaded.definitions().get(0);
        printTesting(human, d);
        CheckResult result;
        try (OneShotCamel camel = OneShotCamel.start(AppHome.resolve(), RootCommand.checkBeans(spec).apply(Clock.systemUTC()))) {
            result = camel.runner().run(d);
        }
        if (result.failed()) {
            human.println("Connection failed: " + result.category().id());
            human.println("  " + result.message());
            if (result.hint() != null && !result.hint().isEmpty()) {
                human.println("  Hint: " + result.hint());
            }
        } else {
            printSuccess(human, result);
        }
        printJson(List.of(result));
        return ResultPrinter.exitCode(List.of(result));
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

    /** The definition: a name from the host, the target, and every option given that is a definition key. */
    private Map<String, Object> values() {
        String hostKey = target() == Target.QSCLOUD ? DefinitionKeys.TENANT_HOST : DefinitionKeys.HOST;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(DefinitionKeys.NAME, ConnectionNames.fromHost(spec.findOption(hostKey).getValue()));
        values.put(DefinitionKeys.TARGET, target().id());
        for (OptionSpec option : spec.options()) {
            String key = option.longestName().replaceFirst("^--", "");
            if (DefinitionKeys.all().contains(key) && option.getValue() != null) {
                values.put(key, option.getValue());
            }
        }
        return values;
    }
}
