package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.alert.LogCapture;
import io.senseprobe.alert.RecordingReceiver;
import io.senseprobe.simulator.Listener;
import io.senseprobe.simulator.SenseSimulator;
import io.senseprobe.testing.SecretGrep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A QRS that answers only every other request (the other one hangs past the check's timeout): the records
 * alternate ok and timeout, and with thresholds of 1 the alerts alternate failing (timeout) and resolved, one per
 * change, none twice.
 */
class UnansweredRequestsTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String HOOK = "/hook/secretHOOKtoken-unanswered-9";

    @TempDir
    Path home;

    @Test
    void everyOtherUnansweredRequestIsATimeoutAndEachChangeAlertsOnce() throws Exception {
        try (ServiceHarness harness = ServiceHarness.withSimulator(home); RecordingReceiver receiver = new RecordingReceiver();
                LogCapture log = new LogCapture()) {
            harness.sim.leaveEveryOtherUnanswered(Listener.QRS);
            Path connections = Files.createDirectories(home.resolve("connections"));
            Files.writeString(connections.resolve("flapping.yaml"), harness.exampleText("sim-qrs")
                    .replace("name: sim-qrs", "name: flapping") + "timeout: 1s\n");
            harness.startService("sense.check.interval", "300ms", "sense.alert.failure-threshold", "1",
                    "sense.alert.success-threshold", "1", "sense.alert.rate-limit", "0",
                    "sense.alert.webhook.url", receiver.url(HOOK));
            ServiceHarness.await("three failing and resolved alerts", WAIT, () -> alerts(receiver).size() >= 6);
            harness.stopService();

            List<JsonNode> records = records();
            for (int i = 0; i < records.size(); i++) {
                JsonNode r = records.get(i);
                String expected = i % 2 == 0 ? "ok" : "timeout";
                assertEquals(expected, r.path("category").asText(), () -> "record " + records.indexOf(r) + ": " + r);
            }
            List<String> alerts = alerts(receiver);
            for (int i = 0; i < alerts.size(); i++) {
                assertEquals(i % 2 == 0 ? "failing timeout" : "resolved ok", alerts.get(i), alerts::toString);
            }
            // one alert per change of the records: each failed record alerts once; the last one's alert may still have
            // been on its way at the stop, then it waits in the spool
            long failed = records.stream().filter(r -> r.path("status").asText().equals("failed")).count();
            long failing = alerts.stream().filter(a -> a.startsWith("failing")).count();
            long spooled = SecretGrep.filesUnder(home.resolve("out")).stream().filter(f -> f.startsWith("undelivered/")).count();
            assertTrue(failing + spooled >= failed && failing + spooled <= failed + 1 && failing >= failed - 1,
                    () -> failed + " failed, " + spooled + " spooled, " + alerts);
            new SecretGrep().secret("webhook path", HOOK).secret("webhook URL", receiver.url(HOOK))
                    .secret("key passphrase", SenseSimulator.KEY_PASSPHRASE)
                    .text("log", log.text()).files(home, f -> f.startsWith("out/")).assertClean(log.text());
        }
    }

    private List<JsonNode> records() {
        return ServiceHarness.dailyRecords(home, "flapping");
    }

    private static List<String> alerts(RecordingReceiver receiver) {
        return receiver.bodies(HOOK).stream().filter(b -> b.path("connection").asText().equals("flapping"))
                .map(b -> b.path("alert").asText() + " " + b.path("category").asText()).toList();
    }
}
