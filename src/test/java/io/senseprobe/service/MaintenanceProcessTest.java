package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.alert.RecordingReceiver;
import io.senseprobe.alert.Silence;
import io.senseprobe.alert.SilenceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in a maintenance window: the service runs as a child JVM, holds a failing alert back, dies by
 * destroyForcibly, and its successor sends the held-back failing once when the window ends, while a silence still
 * holds another connection; nothing is sent twice and the webhook URL's token is in no file the service wrote.
 */
class MaintenanceProcessTest {
    private static final String TOKEN = "T000/B000/maintenanceToken";

    @TempDir
    Path home;

    /** The packaged properties with this test's keys after them (the later key wins). */
    private void properties(String webhook, String maintenance) throws Exception {
        Path file = home.resolve("config/application.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Files.readString(Path.of("config/application.properties")) + String.join("\n",
                "", "sense.check.interval = 300ms", "sense.alert.failure-threshold = 1", "sense.alert.rate-limit = 0", "sense.alert.group-wait = 0",
                "sense.alert.webhook.url = " + webhook, "sense.alert.maintenance = " + maintenance, ""));
    }

    private static String window(Instant from, Instant to) {
        return from.truncatedTo(ChronoUnit.SECONDS) + "/" + to.truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void theHeldBackFailingGoesOutOnceAtTheWindowsEndAfterAKillMinusNine() throws Exception {
        try (ServiceHarness harness = ServiceHarness.withSimulator(home); RecordingReceiver receiver = new RecordingReceiver()) {
            String webhook = receiver.url("/services/" + TOKEN);
            Instant start = Instant.now().minusSeconds(60);
            properties(webhook, window(start, start.plus(Duration.ofHours(2))));
            Files.createDirectories(home.resolve("connections"));
            // both fail (host name mismatch); the second is silenced for an hour, the first only by the window
            Files.copy(harness.example("sim-qrs-ip-host"), home.resolve("connections/sim-qrs-ip-host.yaml"));
            Files.writeString(home.resolve("connections/silenced.yaml"),
                    harness.exampleText("sim-qrs-ip-host").replace("name: sim-qrs-ip-host", "name: silenced"));
            new SilenceFile(home.resolve("out")).write(List.of(new Silence("s1", "silenced", null,
                    Instant.now().plus(Duration.ofHours(1)).toString(), "upgrade", Instant.now().toString())));
            Path state = home.resolve("out/alert-state.json");

            Process first = SenseProbeProcess.start(home, "first", Map.of(), "run");
            try {
                ServiceHarness.await("both held in alert-state.json", Duration.ofSeconds(60),
                        () -> read(state).split("\"held\" ?: ?true", -1).length - 1 == 2);
            } finally {
                first.destroyForcibly();
                assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            }
            assertEquals(List.of(), receiver.requests("/services/" + TOKEN), "nothing sent inside the window");

            // the successor: the same window, now ending a few seconds after it starts
            properties(webhook, window(start, Instant.now().plusSeconds(8)));
            Process second = SenseProbeProcess.start(home, "second", Map.of(), "run");
            try {
                ServiceHarness.await("the failing at the window's end", Duration.ofSeconds(60),
                        () -> !receiver.requests("/services/" + TOKEN).isEmpty());
                // a few more ticks: nothing more, and the silenced connection stays quiet
                Thread.sleep(2000);
                List<String> bodies = receiver.bodies("/services/" + TOKEN).stream()
                        .map(b -> b.get("alert").asText() + " " + b.get("connection").asText()).toList();
                assertEquals(List.of("failing sim-qrs-ip-host"), bodies);
                assertTrue(read(state).contains("\"held\" : true") || read(state).contains("\"held\":true"),
                        "the silenced one is still held: " + read(state));
            } finally {
                second.destroyForcibly();
                second.waitFor(10, TimeUnit.SECONDS);
            }
            try (Stream<Path> files = Files.walk(home.resolve("out"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(read(f).contains("maintenanceToken"), f + " holds the webhook token");
                }
            }
            for (String log : List.of("first.out", "first.err", "second.out", "second.err")) {
                assertFalse(read(home.resolve(log)).contains("maintenanceToken"), log + " holds the webhook token");
            }
            assertTrue(read(home.resolve("first.err")).contains("Held back failing alert for connection silenced"),
                    read(home.resolve("first.err")));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "";
        }
    }
}
