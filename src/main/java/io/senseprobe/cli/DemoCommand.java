package io.senseprobe.cli;

import io.senseprobe.definition.Durations;
import io.senseprobe.demo.Demo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start the bundled Sense simulator with fresh certificates and run the full service on six demo connections (healthy and broken) until Ctrl-C.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--home", paramLabel = "DIR", description = "Demo home. Default: a new folder under the system temp folder.")
    Path home;

    @Option(names = "--stop-after", paramLabel = "DURATION", description = "Stop by itself after this long, e.g. 30s. Default: run until Ctrl-C.")
    String stopAfter;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long stopAfterMs = stopAfterMillis();
        Path demoHome = home != null ? home.toAbsolutePath() : Files.createTempDirectory("sense-probe-demo-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-");
        Demo demo = Demo.start(demoHome, System.out, RootCommand.checkBeans(spec));
        Thread stopper = new Thread(() -> {
            demo.close();
            System.out.println("Demo stopped; its files stay in " + demoHome);
        }, "demo-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        if (stopAfterMs > 0) {
            Thread.sleep(stopAfterMs);
            Runtime.getRuntime().removeShutdownHook(stopper);
            demo.close();
            System.out.println("Demo stopped after " + stopAfter + "; its files stay in " + demoHome);
            return ExitCodes.OK;
        }
        demo.awaitStop();
        return ExitCodes.OK;
    }

    private long stopAfterMillis() {
        if (stopAfter == null) {
            return 0;
        }
        try {
            return Durations.parse(stopAfter).toMillis();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--stop-after takes a duration such as 30s, not \"" + stopAfter + "\".");
        }
    }
}
