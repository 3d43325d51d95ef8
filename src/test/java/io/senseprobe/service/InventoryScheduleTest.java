package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.senseprobe.definition.Definition;
import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.simulator.SenseSimulator;
import io.senseprobe.sink.StatusSink;
import io.senseprobe.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When connections are due, with a clock the test moves: intervals, a definition's own interval, never twice at once. */
class InventoryScheduleTest {
    @TempDir
    Path home;

    @Test
    void connectionsAreDueByTheirIntervalAndNeverTwiceAtOnce() throws Exception {
        Path connections = Files.createDirectories(home.resolve("connections"));
        try (SenseSimulator sim = SenseSimulator.start(home.resolve("sim"))) {
            sim.writeExampleDefinitions();
            Path examples = sim.files().connectionsDir();
            Files.writeString(connections.resolve("fast.yaml"),
                    Files.readString(examples.resolve("sim-qrs.yaml")) + "interval: 10s\n");
            Files.copy(examples.resolve("sim-qrs-ip-host.yaml"), connections.resolve("default.yaml"));
        }
        TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        // settle 0: the files just written count as complete (this test is about the schedule)
        ServiceSettings settings = ServiceSettings.read(key -> Optional.ofNullable(Map.of(
                ServiceSettings.CHECK_INTERVAL, "60s", ServiceSettings.INBOX_SETTLE, "0ms").get(key)), home);
        Inventory inventory = new Inventory(settings, new DefinitionLoader(home), new StatusSink(home.resolve("out"), clock), clock);

        List<Definition> first = inventory.due();
        assertEquals(List.of("sim-qrs", "sim-qrs-ip-host"), names(first));
        assertEquals(List.of(), names(inventory.due()), "running connections are not due again");

        clock.advance(Duration.ofSeconds(11));
        assertEquals(List.of(), names(inventory.due()), "still running: not due even though its interval passed");
        first.forEach(inventory::finished);
        assertEquals(List.of("sim-qrs"), names(inventory.due()), "its own interval of 10 s");
        inventory.active().values().forEach(inventory::finished);

        clock.advance(Duration.ofSeconds(50));
        assertEquals(List.of("sim-qrs", "sim-qrs-ip-host"), names(inventory.due()));
    }

    private static List<String> names(List<Definition> definitions) {
        return definitions.stream().map(Definition::name).toList();
    }
}
