package io.senseprobe.cli;

import io.senseprobe.files.AppHome;
import io.senseprobe.service.InvalidSettingsException;
import io.senseprobe.service.SenseProbeService;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, defaultValueProvider = EnvDefaults.class, sortOptions = false,
        description = {"Run the service until stopped (Ctrl-C, SIGTERM): check every connection in connections/ on an "
                + "interval, check files dropped into inbox/ once, write results to the log and out/.",
                "Configured by config/application.properties; every key can be set as an environment variable "
                        + "(sense.inbox.dir -> SENSE_INBOX_DIR) or with -D in JAVA_OPTS."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "error, warn, info, verbose, debug or silly. Default: info. Env: SENSE_PROBE_LOG_LEVEL, CTRLQ_LOG_LEVEL.")
    String logLevel;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputOptions.applyLogLevel(logLevel, spec);
        SenseProbeService service;
        try {
            service = SenseProbeService.start(AppHome.resolve(), Map.of(), RootCommand.checkBeans(spec));
        } catch (InvalidSettingsException e) {
            System.err.println("sense-probe run: the configuration is invalid; nothing was started:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return ExitCodes.BEFORE_CONNECTION;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::stop, "sense-probe-shutdown"));
        service.awaitStop();
        return ExitCodes.OK;
    }
}
