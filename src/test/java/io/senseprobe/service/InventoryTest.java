package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory against the simulator: files added, edited, broken and deleted while the service runs. */
class InventoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path home;
    private ServiceHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aFileWrittenInPiecesIsReadOnceCompleteAndNeverReportedBroken() throws Exception {
        harness = ServiceHarness.withSimulator(home);
        Path connections = Files.createDirectories(home.resolve("connections"));
        harness.startService("sense.check.interval", "100ms", "sense.inbox.settle", "1s");
        String text = Files.readString(harness.example("sim-qrs"));
        Path file = connections.resolve("sim-qrs.yaml");
        Path errorFile = home.resolve("out/errors/sim-qrs.yaml.error.txt");

        // the first half would be invalid (no auth-user-id, no certificate files) if it were read alone; the
        // inventory ticks every 100 ms, so several ticks see it before the rest arrives (settle is 1 s)
        int half = text.indexOf("auth-user-id");
        Files.writeString(file, text.substring(0, half));
        boolean reportedBroken = false;
        for (long end = System.nanoTime() + 350_000_000L; System.nanoTime() < end; Thread.sleep(20)) {
            reportedBroken |= Files.exists(errorFile);
        }
        Files.writeString(file, text.substring(half), java.nio.file.StandardOpenOption.APPEND);

        Path status = home.resolve("out/status.json");
        ServiceHarness.await("sim-qrs checked", WAIT, () -> statusOf(status, "sim-qrs/qrs-about") != null);
        assertEquals("ok", statusOf(status, "sim-qrs/qrs-about").path("status").asText());
        assertFalse(reportedBroken || Files.exists(errorFile), "the half-written file was reported as broken");
    }

    @Test
    void changesToTheFolderTakeEffectWithoutRestart() throws Exception {
        harness = ServiceHarness.withSimulator(home);
        Path connections = home.resolve("connections");
        Files.createDirectories(connections);
        Files.copy(harness.example("sim-qrs"), connections.resolve("sim-qrs.yaml"));
        harness.startService();
        Path status = home.resolve("out/status.json");

        // first sweep at start
        ServiceHarness.await("sim-qrs in status.json", WAIT, () -> statusOf(status, "sim-qrs/qrs-about") != null);
        assertEquals("ok", statusOf(status, "sim-qrs/qrs-about").path("status").asText());

        // added at runtime
        Files.copy(harness.example("sim-qrs-ip-host"), connections.resolve("sim-qrs-ip-host.yaml"));
        ServiceHarness.await("sim-qrs-ip-host checked", WAIT, () -> statusOf(status, "sim-qrs-ip-host/qrs-about") != null);
        JsonNode mismatch = statusOf(status, "sim-qrs-ip-host/qrs-about");
        assertEquals("failed", mismatch.path("status").asText());
        assertEquals("tls-hostname-mismatch", mismatch.path("category").asText());

        // edited at runtime: the fixed host name works at the next tick
        Path ipHost = connections.resolve("sim-qrs-ip-host.yaml");
        Files.writeString(ipHost, Files.readString(ipHost).replace("host: 127.0.0.1", "host: localhost"));
        ServiceHarness.await("edited definition ok", WAIT,
                () -> "ok".equals(statusOf(status, "sim-qrs-ip-host/qrs-about").path("status").asText()));

        // broken at runtime: reported once, the last good definition keeps running
        String good = Files.readString(ipHost);
        Files.writeString(ipHost, good + "auth-cert-keyfile: typo.pem\n");
        Path errorFile = home.resolve("out/errors/sim-qrs-ip-host.yaml.error.txt");
        ServiceHarness.await("error file", WAIT, () -> Files.exists(errorFile));
        assertTrue(Files.readString(errorFile).contains("auth-cert-keyfile"), Files.readString(errorFile));
        assertTrue(Files.readString(errorFile).contains("keeps running sim-qrs-ip-host"));
        String checkedAt = statusOf(status, "sim-qrs-ip-host/qrs-about").path("checkedAt").asText();
        ServiceHarness.await("broken file's connection still checked", WAIT,
                () -> !checkedAt.equals(statusOf(status, "sim-qrs-ip-host/qrs-about").path("checkedAt").asText()));
        assertEquals("ok", statusOf(status, "sim-qrs-ip-host/qrs-about").path("status").asText());
        // the same broken content is not reported again (the error file is not rewritten)
        long reportedAt = Files.getLastModifiedTime(errorFile).toMillis();
        Thread.sleep(1500);
        assertEquals(reportedAt, Files.getLastModifiedTime(errorFile).toMillis());

        // fixed: the error file goes
        Files.writeString(ipHost, good);
        ServiceHarness.await("error file removed", WAIT, () -> !Files.exists(errorFile));

        // deleted: the connection leaves status.json
        Files.delete(ipHost);
        ServiceHarness.await("deleted connection leaves status.json", WAIT,
                () -> statusOf(status, "sim-qrs-ip-host/qrs-about") == null);
        assertTrue(statusOf(status, "sim-qrs/qrs-about") != null);

        // every inventory record is in today's JSON-lines file
        Path daily = home.resolve("out/results/" + LocalDate.now(ZoneOffset.UTC) + ".jsonl");
        List<String> lines = Files.readAllLines(daily);
        assertTrue(lines.size() >= 5, "lines: " + lines.size());
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            assertFalse(record.path("connection").asText().isEmpty());
        }
    }

    @Test
    void aNameDefinedTwiceIsAnErrorOfTheLaterFile() throws Exception {
        harness = ServiceHarness.withSimulator(home);
        Path connections = home.resolve("connections");
        Files.createDirectories(connections);
        Files.copy(harness.example("sim-qrs"), connections.resolve("a.yaml"));
        Files.copy(harness.example("sim-qrs"), connections.resolve("b.yaml"));
        harness.startService();
        Path errorFile = home.resolve("out/errors/b.yaml.error.txt");
        ServiceHarness.await("error for b.yaml", WAIT, () -> Files.exists(errorFile));
        assertTrue(Files.readString(errorFile).contains("already used"), Files.readString(errorFile));
        assertFalse(Files.exists(home.resolve("out/errors/a.yaml.error.txt")));
        ServiceHarness.await("sim-qrs checked", WAIT, () -> statusOf(home.resolve("out/status.json"), "sim-qrs/qrs-about") != null);
    }

    static JsonNode statusOf(Path status, String key) {
        try {
            if (!Files.exists(status)) {
                return null;
            }
            JsonNode node = JSON.readTree(status.toFile()).path("connections").get(key);
            return node;
        } catch (IOException e) {
            throw new AssertionError("status.json unreadable (not written atomically?)", e);
        }
    }
}
