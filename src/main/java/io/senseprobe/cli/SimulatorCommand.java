package io.senseprobe.cli;

import io.senseprobe.simulator.SenseSimulator;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulator", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the Qlik Sense simulator: writes fresh certificates and example definitions into DIR, prints its ports as one JSON line, runs until stopped.")
final class SimulatorCommand implements Callable<Integer> {
    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder for certificates (client.pem, client_key.pem, root.pem, ...) and connections/. Required.")
    Path dir;

    @Option(names = "--base-port", paramLabel = "N", description = "First of consecutive ports. Default: free ports.")
    Integer basePort;

    @Option(names = "--bind-address", paramLabel = "ADDRESS", description = "Address to listen on. Default: 127.0.0.1 (0.0.0.0 in a container).")
    String bindAddress;

    @Option(names = "--example-host", paramLabel = "HOST", description = "Host name the example definitions use. Default: localhost (sense-sim in docker-compose).")
    String exampleHost;

    @Override
    public Integer call() throws Exception {
        InetAddress bind = bindAddress == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(bindAddress);
        SenseSimulator simulator = SenseSimulator.start(dir, basePort == null ? 0 : basePort, bind);
        simulator.writeExampleDefinitions(exampleHost == null ? "localhost" : exampleHost);
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
