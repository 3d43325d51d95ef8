package io.senseprobe.cli;

import io.senseprobe.AppHome;
import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.definition.LoadResult;
import io.senseprobe.logging.LogLevels;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultLine;
import io.senseprobe.simulator.SenseSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", sortOptions = false,
        description = "Start the bundled Sense simulator with fresh certificates, check every example connection once (healthy and broken ones) and print the results.")
final class DemoCommand implements Callable<Integer> {
    /** The healthy connections of the simulator's examples: the demo fails when one of these does. */
    private static final Set<String> HEALTHY = Set.of("sim-qrs", "sim-jwt-proxy", "sim-cloud");

    @Option(names = "--home", paramLabel = "DIR", description = "Demo home (default: a new folder under the system temp folder).")
    Path home;

    @Override
    public Integer call() throws Exception {
        LogLevels.apply("warn");
        Path demoHome = home != null ? home.toAbsolutePath() : Files.createTempDirectory("sense-probe-demo-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-");
        System.out.println("sense-probe demo: the bundled Qlik Sense simulator, checked once.");
        System.out.println("Demo home: " + demoHome);
        try (SenseSimulator simulator = SenseSimulator.start(demoHome.resolve("simulator"))) {
            List<Path> files = simulator.writeExampleDefinitions();
            System.out.println("Simulator ports: " + simulator.portsJson());
            System.out.println("Checking " + files.size() + " connections from " + simulator.files().connectionsDir() + " ...");
            LoadResult loaded = new DefinitionLoader(AppHome.resolve()).loadAll(files);
            if (!loaded.ok()) {
                loaded.problems().forEach(p -> System.out.println(p.describe()));
                return ExitCodes.BEFORE_CONNECTION;
            }
            List<CheckResult> results = CheckCommand.runAll(loaded.definitions());
            results.forEach(r -> System.out.println(ResultLine.format(r)));
            Path resultsFile = demoHome.resolve("out").resolve("results.jsonl");
            ResultPrinter.appendTo(resultsFile, results);
            System.out.println();
            System.out.println("Result records: " + resultsFile);
            System.out.println("Try one yourself: ./sense-probe check " + simulator.files().connectionsDir().resolve("sim-qrs.yaml"));
            boolean healthyOk = results.stream().filter(r -> HEALTHY.contains(r.connection())).noneMatch(CheckResult::failed);
            return healthyOk ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
