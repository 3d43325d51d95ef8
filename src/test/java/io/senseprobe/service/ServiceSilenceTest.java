package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.alert.AlertService;
import io.senseprobe.alert.RecordingReceiver;
import io.senseprobe.alert.Silence;
import io.senseprobe.alert.SilenceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A silence added to out/silences.json while the service runs (simulator → inventory → webhook receiver): the
 * failing connection is still checked and recorded, marked inMaintenance in status.json, and alerted once the
 * silence is removed.
 */
class ServiceSilenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String NAME = "sim-qrs-ip-host";

    @TempDir
    Path home;
    private ServiceHarness harness;
    private RecordingReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        harness = ServiceHarness.withSimulator(home);
        receiver = new RecordingReceiver();
        Files.createDirectories(home.resolve("connections"));
    }

    @AfterEach
    void tearDown() {
        harness.close();
        receiver.close();
    }

    @Test
    void aSilenceAddedWhileRunningHoldsTheFailingAlertUntilItIsRemoved() throws Exception {
        harness.startService("sense.check.interval", "300ms", "sense.alert.failure-threshold", "1",
                "sense.alert.rate-limit", "0", "sense.alert.webhook.url", receiver.url("/hook"));
        SilenceFile silences = new SilenceFile(home.resolve("out"));
        Instant now = Instant.now();
        silences.write(List.of(new Silence("s1", NAME, null, now.plus(Duration.ofHours(1)).toString(), "upgrade",
                now.toString())));
        Thread.sleep(700);
        Files.copy(harness.example(NAME), home.resolve("connections/" + NAME + ".yaml"));

        ServiceHarness.await("three failed checks recorded", WAIT, () -> failedRecords() >= 3);
        awaitDeliveries();
        assertEquals(List.of(), receiver.bodies("/hook"));
        ServiceHarness.await("inMaintenance in status.json", WAIT, () -> inMaintenance());
        assertTrue(board().contains("\"inMaintenance\":true"), board());

        silences.write(List.of());
        ServiceHarness.await("the failing alert", WAIT, () -> !receiver.bodies("/hook").isEmpty());
        Thread.sleep(1000);
        awaitDeliveries();
        assertEquals(List.of("failing"), receiver.bodies("/hook").stream().map(b -> b.get("alert").asText()).toList());
        ServiceHarness.await("inMaintenance gone from status.json", WAIT, () -> !inMaintenance());
        assertFalse(Files.readString(home.resolve("out/alert-state.json")).contains("/hook"));
    }

    /** The status page's /api/status body, from its bean (the test runs without the status port). */
    private String board() {
        return harness.service.context().getRegistry().lookupByNameAndType(io.senseprobe.observe.StatusBoard.BEAN,
                io.senseprobe.observe.StatusBoard.class).json();
    }

    private boolean inMaintenance() {
        try {
            JsonNode status = JSON.readTree(home.resolve("out/status.json").toFile());
            return status.path("connections").path(NAME + "/qrs-about").path("inMaintenance").asBoolean(false);
        } catch (Exception e) {
            return false;
        }
    }

    private long failedRecords() {
        Path daily = home.resolve("out/results/" + LocalDate.now(ZoneOffset.UTC) + ".jsonl");
        try {
            return Files.readAllLines(daily).stream().filter(l -> l.contains("\"" + NAME + "\"") && l.contains("\"failed\"")).count();
        } catch (Exception e) {
            return 0;
        }
    }

    private void awaitDeliveries() {
        AlertService alerts = harness.service.context().getRegistry().lookupByNameAndType(AlertService.BEAN, AlertService.class);
        assertTrue(alerts.awaitDeliveries(WAIT), "deliveries did not finish");
    }
}
