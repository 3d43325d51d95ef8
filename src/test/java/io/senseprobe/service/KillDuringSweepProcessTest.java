package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.alert.RecordingReceiver;
import io.senseprobe.testing.SecretGrep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a running service in the middle of a sweep of 40 connections (30 failing) while it alerts,
 * then a restart on the same app home: every failing connection is alerted, none twice (at most the one message
 * being delivered at the kill goes out again), and status.json, alert-state.json and the daily file are whole.
 */
class KillDuringSweepProcessTest {
    private static final String HOOK = "/hook/secretHOOKtoken-kill-58";
    private static final int FAILING = 30;
    private static final int OK = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void aKilledSweepGoesOnAfterTheRestartWithoutDecidingAnAlertTwice() throws Exception {
        try (ServiceHarness harness = ServiceHarness.withSimulator(home); RecordingReceiver receiver = new RecordingReceiver()) {
            Path connections = Files.createDirectories(home.resolve("connections"));
            String failing = harness.exampleText("sim-qrs-ip-host");
            String ok = harness.exampleText("sim-qrs");
            for (int i = 0; i < FAILING; i++) {
                String name = String.format("fail-%02d", i);
                Files.writeString(connections.resolve(name + ".yaml"), failing.replace("name: sim-qrs-ip-host", "name: " + name));
            }
            for (int i = 0; i < OK; i++) {
                String name = String.format("ok-%02d", i);
                Files.writeString(connections.resolve(name + ".yaml"), ok.replace("name: sim-qrs", "name: " + name));
            }
            Map<String, String> env = Map.of(
                    "SENSE_CHECK_INTERVAL", "2s",
                    "SENSE_CHECK_CONCURRENCY", "2",
                    "SENSE_ALERT_FAILURE_THRESHOLD", "1",
                    "SENSE_ALERT_RATE_LIMIT", "0",
                    // one message per connection, so each decision is counted on its own
                    "SENSE_ALERT_GROUP_WAIT", "0",
                    "SENSE_ALERT_WEBHOOK_URL", receiver.url(HOOK));

            Process first = SenseProbeProcess.start(home, "first", env, "run");
            try {
                // the sweep is under way: some failing connections are alerted, not all
                ServiceHarness.await("the first alerts", Duration.ofSeconds(40), () -> failingAlerts(receiver).size() >= 3);
            } finally {
                first.destroyForcibly().waitFor();
            }
            int beforeKill = failingAlerts(receiver).size();
            assertTrue(beforeKill < FAILING, "killed after the sweep, not during it: " + beforeKill + " alerts");

            Process second = SenseProbeProcess.start(home, "second", env, "run");
            try {
                ServiceHarness.await("every failing connection alerted", Duration.ofSeconds(40),
                        () -> failingAlerts(receiver).keySet().size() == FAILING);
                // another sweep: nothing decided again
                Thread.sleep(2500);
            } finally {
                second.destroy();
                second.waitFor();
            }
            Map<String, Long> alerts = failingAlerts(receiver);
            long repeated = alerts.values().stream().filter(n -> n > 1).count();
            assertTrue(repeated <= 1 && alerts.values().stream().allMatch(n -> n <= 2),
                    "alerts decided twice (only the one in delivery at the kill may repeat): " + alerts);
            assertTrue(receiver.bodies(HOOK).stream().noneMatch(b -> b.path("connection").asText().startsWith("ok-")),
                    "an OK connection alerted");

            Path out = home.resolve("out");
            JsonNode status = JSON.readTree(out.resolve("status.json").toFile());
            assertEquals(FAILING + OK, status.path("connections").size(), status::toString);
            JsonNode state = JSON.readTree(out.resolve("alert-state.json").toFile());
            for (int i = 0; i < FAILING; i++) {
                String name = String.format("fail-%02d", i);
                assertTrue(state.toString().contains(name), () -> name + " missing in alert-state.json: " + state);
            }
            try (Stream<Path> days = Files.list(out.resolve("results"))) {
                for (Path day : days.toList()) {
                    for (String line : Files.readAllLines(day)) {
                        JSON.readTree(line);
                    }
                }
            }
            assertEquals(List.of(), SecretGrep.filesUnder(out).stream().filter(f -> f.startsWith("undelivered/")).toList(),
                    "everything was delivered");
            new SecretGrep().secret("webhook path", HOOK).secret("webhook URL", receiver.url(HOOK))
                    .files(home, f -> f.startsWith("out/") || f.endsWith(".out") || f.endsWith(".err"))
                    .assertClean(Files.readString(home.resolve("second.err")));
        }
    }

    /** Failing alerts received per connection. */
    private static Map<String, Long> failingAlerts(RecordingReceiver receiver) {
        return receiver.bodies(HOOK).stream().filter(b -> b.path("alert").asText().equals("failing"))
                .collect(Collectors.groupingBy(b -> b.path("connection").asText(), TreeMap::new, Collectors.counting()));
    }

    static String read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file) : "";
    }
}
