package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.alert.RecordingReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several checks per connection in the running service: a result, a status entry and an alert state per check. */
class ServiceChecksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String HOOK = "/hook";

    @TempDir
    Path home;
    private ServiceHarness harness;
    private RecordingReceiver receiver;
    private Path connections;

    @BeforeEach
    void setUp() throws Exception {
        harness = ServiceHarness.withSimulator(home);
        receiver = new RecordingReceiver();
        connections = Files.createDirectories(home.resolve("connections"));
    }

    @AfterEach
    void tearDown() {
        harness.close();
        receiver.close();
    }

    private void startService(String... more) throws Exception {
        List<String> settings = new java.util.ArrayList<>(List.of("sense.check.interval", "300ms",
                "sense.alert.failure-threshold", "1", "sense.alert.rate-limit", "0", "sense.alert.webhook.url",
                receiver.url(HOOK)));
        settings.addAll(List.of(more));
        harness.startService(settings.toArray(String[]::new));
    }

    /** sim-engine (repository and engine port) with the services check too. */
    private String threeChecks() throws Exception {
        return harness.exampleText("sim-engine") + "checks: [qrs-about, engine-health, services]\n";
    }

    private List<JsonNode> hook(String check) {
        return receiver.bodies(HOOK).stream().filter(b -> check.equals(b.path("check").asText())).toList();
    }

    private static Path report(Path done) {
        try (var files = Files.list(done)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".result.json")).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Test
    void eachCheckHasItsOwnStatusAndAlerts() throws Exception {
        harness.sim.serviceState("rim-1", "Engine", "NoCommunication");
        startService();
        Files.writeString(connections.resolve("sim-engine.yaml"), threeChecks());

        ServiceHarness.await("the services alert", WAIT, () -> !hook("services").isEmpty());
        JsonNode failing = hook("services").get(0);
        assertEquals("failing", failing.path("alert").asText());
        assertEquals("service-down", failing.path("category").asText());
        assertTrue(failing.path("message").asText().contains("Engine on node rim-1 is NoCommunication"), failing.toString());
        Path status = home.resolve("out/status.json");
        ServiceHarness.await("every check in status.json", WAIT, () -> InventoryTest.statusOf(status, "sim-engine/engine-health") != null
                && InventoryTest.statusOf(status, "sim-engine/services") != null
                && InventoryTest.statusOf(status, "sim-engine/qrs-about") != null);
        assertEquals("ok", InventoryTest.statusOf(status, "sim-engine/qrs-about").path("status").asText());
        assertEquals("ok", InventoryTest.statusOf(status, "sim-engine/engine-health").path("status").asText());
        assertEquals("failed", InventoryTest.statusOf(status, "sim-engine/services").path("status").asText());

        harness.sim.resetServiceStates();
        ServiceHarness.await("the services resolution", WAIT, () -> hook("services").size() >= 2);
        assertEquals("resolved", hook("services").get(1).path("alert").asText());
        assertTrue(hook("qrs-about").isEmpty() && hook("engine-health").isEmpty(), receiver.bodies(HOOK).toString());
        JsonNode states = JSON.readTree(home.resolve("out/alert-state.json").toFile());
        assertNotNull(states.get("sim-engine/services"), states.toString());
        assertNotNull(states.get("sim-engine/qrs-about"), states.toString());

        // a check taken off the list leaves status.json and the alert state, as a removed connection does
        Path part = connections.resolve("sim-engine.yaml.part");
        Files.writeString(part, harness.exampleText("sim-engine") + "checks: [qrs-about]\n");
        Files.move(part, connections.resolve("sim-engine.yaml"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        ServiceHarness.await("services gone from status.json and the alert state", WAIT,
                () -> InventoryTest.statusOf(status, "sim-engine/services") == null && !alertState().has("sim-engine/services"));
        assertNotNull(InventoryTest.statusOf(status, "sim-engine/qrs-about"));
        assertTrue(alertState().has("sim-engine/qrs-about"), alertState().toString());
    }

    private JsonNode alertState() {
        try {
            return JSON.readTree(home.resolve("out/alert-state.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anInboxReportListsEveryChecksResult() throws Exception {
        harness.sim.engineSaturated(true);
        startService();
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Files.writeString(inbox.resolve("sim-engine.yaml"), threeChecks());

        ServiceHarness.await("inbox report", WAIT, () -> report(inbox.resolve(".done")) != null);
        JsonNode results = JSON.readTree(report(inbox.resolve(".done")).toFile());
        assertEquals(List.of("qrs-about", "engine-health", "services"),
                StreamSupport.stream(results.spliterator(), false).map(r -> r.path("check").asText()).toList());
        assertEquals("warning", results.get(1).path("status").asText());
        assertEquals("engine-saturated", results.get(1).path("category").asText());
    }

    @Test
    void anAlertStateKeyedByConnectionOnlyIsTheDefaultChecks() throws Exception {
        // written by a version with one check per connection: sim-qrs failing and announced on the webhook
        Path out = Files.createDirectories(home.resolve("out"));
        String since = Instant.now().minusSeconds(600).toString();
        Files.writeString(out.resolve("alert-state.json"), """
                {"sim-qrs": {"failures": 3, "successes": 0, "failing": true, "failingSince": "%s", "lastOk": null,
                  "lastFailure": {"connection": "sim-qrs", "check": "qrs-about", "target": "qseow", "host": "localhost",
                    "status": "failed", "category": "timeout", "message": "No answer.", "hint": "", "checkedAt": "%s",
                    "durationMs": 10000, "sense": {}, "certificates": [], "credentials": []},
                  "policy": {"failureThreshold": 1, "successThreshold": 1, "sendResolved": true, "reminderIntervalMs": 0,
                    "rateLimitMs": 0},
                  "destinations": {"webhook": {"announced": true, "lastSentAt": "%s", "lastAnnouncedAt": "%s"}}}}
                """.formatted(since, since, since, since));
        // copied just before the start: the first ticks wait for it to settle (4 s, longer than the start), and until the folder has been
        // read once nothing counts as removed, so the state loaded at start is kept
        Files.copy(harness.example("sim-qrs"), connections.resolve("sim-qrs.yaml"));
        startService("sense.inbox.settle", "4s");

        ServiceHarness.await("the resolution of the old failure", WAIT, () -> !hook("qrs-about").isEmpty());
        JsonNode resolved = hook("qrs-about").get(0);
        assertEquals("resolved", resolved.path("alert").asText());
        assertEquals(since, resolved.path("since").asText());
        JsonNode states = JSON.readTree(out.resolve("alert-state.json").toFile());
        assertTrue(states.has("sim-qrs/qrs-about") && !states.has("sim-qrs"), states.toString());
    }
}
