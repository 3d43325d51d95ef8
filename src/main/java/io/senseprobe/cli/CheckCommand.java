package io.senseprobe.cli;

import io.senseprobe.check.CheckRunner;
import io.senseprobe.check.OneShotCamel;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.definition.LoadResult;
import io.senseprobe.files.AppHome;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultLine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.camel.CamelConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, defaultValueProvider = EnvDefaults.class, sortOptions = false,
        description = "Check every connection in definition files (.yaml, .yml, .json) or folders of them, once, a few at a time (--concurrency).")
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Definition files, or folders whose definition files are checked.")
    List<Path> paths;

    @Option(names = "--results", paramLabel = "FILE", description = "Append the result records to FILE as JSON lines. Default: none. Env: SENSE_PROBE_RESULTS.")
    Path resultsFile;

    @Option(names = "--concurrency", paramLabel = "N", description = "Check at most N connections at once (1-256); a check's timeout starts when it starts. Default: ${DEFAULT-VALUE}. Env: SENSE_PROBE_CONCURRENCY.")
    int concurrency = CheckRunner.DEFAULT_CONCURRENCY;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        output.applyLogLevel(spec);
        if (concurrency < 1 || concurrency > 256) {
            throw new ParameterException(spec.commandLine(), "--concurrency must be a number from 1 to 256, not " + concurrency + ".");
        }
        PrintStream human = output.human();
        List<Path> files = DefinitionPaths.files(paths, human, spec);
        LoadResult loaded = new DefinitionLoader(AppHome.resolve()).loadAll(files);
        List<CheckResult> results;
        if (!loaded.ok()) {
            human.println("Invalid definitions; nothing was checked:");
            loaded.problems().forEach(p -> human.println("  " + p.describe()));
            results = ProblemRecords.of(loaded.problems(), "definition", Instant.now());
        } else if (loaded.definitions().isEmpty()) {
            human.println("No connection definitions in " + paths + ".");
            return ExitCodes.BEFORE_CONNECTION;
        } else {
            results = runAll(loaded.definitions());
            results.forEach(r -> human.println(ResultLine.format(r)));
        }
        if (output.json) {
            results.forEach(r -> System.out.println(ResultPrinter.json(r)));
        }
        if (resultsFile != null) {
            ResultPrinter.appendTo(resultsFile, results);
        }
        return ResultPrinter.exitCode(results);
    }

    private List<CheckResult> runAll(List<Definition> definitions) throws Exception {
        CamelConfiguration beans = RootCommand.checkBeans(spec).apply(Clock.systemUTC());
        try (OneShotCamel camel = OneShotCamel.start(AppHome.resolve(), beans, concurrency)) {
            return camel.runner().runAll(definitions);
        }
    }
}
