package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.alert.LogCapture;
import io.senseprobe.alert.RecordingReceiver;
import io.senseprobe.testing.SecretGrep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sites that misbehave on every sweep: one resets every connection (sim-reset), one answers only every other
 * request and 429 (retry-after 1 s) in between (sim-rate-limited). Over several sweeps every record keeps its right
 * category, the resetting site alerts once (connection-reset) and never resolves, the other never alerts.
 */
class FlappingSiteTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HOOK = "/hook/secretHOOKtoken-flap-64";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void resetsAndEveryOtherAnswerKeepTheirCategoriesAndAlertOnceOrNever() throws Exception {
        try (ServiceHarness harness = ServiceHarness.withSimulator(home); RecordingReceiver receiver = new RecordingReceiver();
                LogCapture log = new LogCapture()) {
            Path connections = Files.createDirectories(home.resolve("connections"));
            Files.copy(harness.example("sim-reset"), connections.resolve("sim-reset.yaml"));
            Files.copy(harness.example("sim-rate-limited"), connections.resolve("sim-rate-limited.yaml"));
            harness.startService("sense.check.interval", "500ms", "sense.alert.failure-threshold", "1",
                    "sense.alert.success-threshold", "1", "sense.alert.rate-limit", "0",
                    "sense.alert.webhook.url", receiver.url(HOOK));
            ServiceHarness.await("four sweeps of each", WAIT,
                    () -> records("sim-reset").size() >= 4 && records("sim-rate-limited").size() >= 4);
            harness.stopService();

            for (JsonNode r : records("sim-reset")) {
                assertEquals("failed", r.path("status").asText(), r::toString);
                assertEquals("connection-reset", r.path("category").asText(), r::toString);
            }
            for (JsonNode r : records("sim-rate-limited")) {
                assertEquals("ok", r.path("status").asText(), () -> "the retry after the 429 must be answered: " + r);
            }
            assertEquals(List.of("failing connection-reset"), alerts(receiver, "sim-reset"), "one alert, never resolved");
            assertEquals(List.of(), alerts(receiver, "sim-rate-limited"));
            JsonNode status = JSON.readTree(home.resolve("out/status.json").toFile()).path("connections");
            assertEquals("connection-reset", status.path("sim-reset/qrs-about").path("category").asText(), status::toString);
            assertEquals("ok", status.path("sim-rate-limited/qrs-about").path("status").asText(), status::toString);
            new SecretGrep().secret("webhook path", HOOK).secret("webhook URL", receiver.url(HOOK))
                    .secret("key passphrase", io.senseprobe.simulator.SenseSimulator.KEY_PASSPHRASE)
                    .text("log", log.text()).files(home, f -> f.startsWith("out/")).assertClean(log.text());
        }
    }

    private List<JsonNode> records(String connection) {
        return ServiceHarness.dailyRecords(home, connection);
    }

    private static List<String> alerts(RecordingReceiver receiver, String connection) {
        return receiver.bodies(HOOK).stream().filter(b -> b.path("connection").asText().equals(connection))
                .map(b -> b.path("alert").asText() + " " + b.path("category").asText()).toList();
    }
}
