package io.senseprobe.cli;

import io.senseprobe.simulator.SenseSimulator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulator", sortOptions = false,
        description = "Run the Qlik Sense simulator: writes fresh certificates and example definitions into DIR, prints its ports as one JSON line, runs until stopped.")
final class SimulatorCommand implements Callable<Integer> {
    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder for certificates (client.pem, client_key.pem, root.pem, ...) and connections/.")
    Path dir;

    @Option(names = "--base-port", paramLabel = "N", description = "First of consecutive ports (default: free ports).")
    Integer basePort;

    @Override
    public Integer call() throws Exception {
        SenseSimulator simulator = basePort == null ? SenseSimulator.start(dir) : SenseSimulator.start(dir, basePort);
        simulator.writeExampleDefinitions();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-stop"));
        System.out.println(simulator.portsJson());
        System.err.println("Simulator running; certificates and example definitions in " + simulator.files().dir()
                + ". Ctrl-C stops it.");
        stopped.await();
        return ExitCodes.OK;
    }
}
