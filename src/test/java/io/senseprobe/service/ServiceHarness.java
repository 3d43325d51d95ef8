package io.senseprobe.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.SenseProbeBeans;
import io.senseprobe.simulator.SenseSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /** Today's records of one connection in the app home's daily results file (none while it does not exist). */
    static List<JsonNode> dailyRecords(Path home, String connection) {
        Path day = home.resolve("out/results").resolve(LocalDate.now(ZoneOffset.UTC) + ".jsonl");
        try {
            if (!Files.isRegularFile(day)) {
                return List.of();
            }
            List<JsonNode> records = new ArrayList<>();
            for (String line : Files.readAllLines(day)) {
                JsonNode record = DAILY_JSON.readTree(line);
                if (record.path("connection").asText().equals(connection)) {
                    records.add(record);
                }
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final ObjectMapper DAILY_JSON = new ObjectMapper();

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
