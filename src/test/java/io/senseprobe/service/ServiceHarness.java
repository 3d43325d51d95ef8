package io.senseprobe.service;

import io.senseprobe.SenseProbeBeans;
import io.senseprobe.simulator.SenseSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A real simulator and an in-process service on an app home in a temporary folder, with short durations. */
final class ServiceHarness implements AutoCloseable {
    final Path home;
    final SenseSimulator sim;
    SenseProbeService service;

    private ServiceHarness(Path home, SenseSimulator sim) {
        this.home = home;
        this.sim = sim;
    }

    static ServiceHarness withSimulator(Path home) throws IOException {
        SenseSimulator sim = SenseSimulator.start(home.resolve("sim"));
        sim.writeExampleDefinitions();
        return new ServiceHarness(home, sim);
    }

    /** Short durations, no alert grouping, no management or status port (several builds share this machine), quick shutdown. */
    static Map<String, String> fastSettings(String... keyValues) {
        Map<String, String> settings = new HashMap<>();
        settings.put("sense.inbox.settle", "300ms");
        settings.put("sense.check.interval", "700ms");
        settings.put("camel.management.enabled", "false");
        settings.put("camel.server.enabled", "false");
        settings.put("camel.main.shutdown-timeout", "3");
        // every message at once, as these tests expect; GroupingTest and RoutingTest wait for their groups
        settings.put("sense.alert.group-wait", "0");
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return settings;
    }

    ServiceHarness startService(String... keyValues) throws Exception {
        service = SenseProbeService.start(home, fastSettings(keyValues), SenseProbeBeans::new);
        return this;
    }

    void stopService() {
        if (service != null) {
            service.stop();
            service = null;
        }
    }

    /** A simulator example definition, e.g. {@code sim-qrs} (works) or {@code sim-qrs-ip-host} (host name mismatch). */
    Path example(String name) {
        return sim.files().connectionsDir().resolve(name + ".yaml");
    }

    String exampleText(String name) throws IOException {
        return Files.readString(example(name));
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            Thread.sleep(25);
        }
    }

    @Override
    public void close() {
        stopService();
        sim.close();
    }
}
