package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.alert.LogCapture;
import io.senseprobe.alert.RecordingReceiver;
import io.senseprobe.testing.SecretGrep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results folder becomes unwritable (a file where it should be: tests run as root, chmod would not stop a
 * write) or its disk fills (the daily file written through Linux's always-full /dev/full): the outage is logged
 * once, checks and alerts go on, status.json is never half, and the files are written again once they can be.
 */
class ResultsFolderFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String HOOK_TOKEN = "/hook/secretHOOKtoken-fault-31";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    private ServiceHarness harness;
    private RecordingReceiver receiver;
    private Path connections;
    private Path out;

    @BeforeEach
    void setUp() throws Exception {
        harness = ServiceHarness.withSimulator(home);
        receiver = new RecordingReceiver();
        connections = Files.createDirectories(home.resolve("connections"));
        out = home.resolve("out");
    }

    @AfterEach
    void tearDown() {
        harness.close();
        receiver.close();
    }

    private void startService() throws Exception {
        harness.startService("sense.check.interval", "300ms", "sense.status.write-interval", "200ms",
                "sense.alert.failure-threshold", "1", "sense.alert.rate-limit", "0",
                "sense.alert.webhook.url", receiver.url(HOOK_TOKEN));
    }

    @Test
    void aFileWhereTheResultsFolderShouldBeIsOneOutageAndAlertsGoOn() throws Exception {
        try (LogCapture log = new LogCapture()) {
            startService();
            Files.copy(harness.example("sim-qrs"), connections.resolve("sim-qrs.yaml"));
            ServiceHarness.await("status.json with sim-qrs", WAIT, () -> status().contains("sim-qrs/qrs-about"));

            replaceTreeWithFile(out);
            // a connection that fails while nothing can be written: its alert still goes out (kept in memory)
            Files.copy(harness.example("sim-qrs-ip-host"), connections.resolve("sim-qrs-ip-host.yaml"));
            ServiceHarness.await("the failing alert during the outage", WAIT, () -> alerts("sim-qrs-ip-host").contains("failing"));
            int linesBefore = outageLines(log, out).size();
            Thread.sleep(1500);
            assertEquals(linesBefore, outageLines(log, out).size(), "logged once per outage, not per write:\n" + log.text());
            assertEquals(1, outageLines(log, out).size(), log::text);
            assertTrue(outageLines(log, out).get(0).contains("will retry"), log::text);

            Files.delete(out);
            Files.createDirectories(out);
            ServiceHarness.await("status.json written again with both connections", WAIT,
                    () -> status().contains("sim-qrs/qrs-about") && status().contains("sim-qrs-ip-host/qrs-about"));
            ServiceHarness.await("the daily file written again", WAIT, () -> Files.isRegularFile(dailyFile()));
            ServiceHarness.await("the alert state written again", WAIT, () -> Files.isRegularFile(out.resolve("alert-state.json")));
            ServiceHarness.await("the line that says so", WAIT,
                    () -> log.text().contains("Results folder " + out + " writable again"));
            JSON.readTree(status());
            assertEquals(List.of("failing"), alerts("sim-qrs-ip-host"), "alerted once, not again after the outage");
            harness.stopService();
            new SecretGrep().secret("webhook path", HOOK_TOKEN).secret("webhook URL", receiver.url(HOOK_TOKEN))
                    .text("log", log.text()).files(home, f -> f.startsWith("out/")).assertClean(log.text());
        }
    }

    @Test
    void aFullDiskUnderTheDailyFileIsOneOutageAndStatusStaysWhole() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs Linux's always-full device /dev/full");
        try (LogCapture log = new LogCapture()) {
            startService();
            Files.copy(harness.example("sim-qrs"), connections.resolve("sim-qrs.yaml"));
            ServiceHarness.await("the daily file", WAIT, () -> Files.isRegularFile(dailyFile()));
            Path results = dailyFile().getParent();

            // every append now ends in "No space left on device"
            linkDailyFileToDevFull();
            ServiceHarness.await("the outage line", WAIT, () -> !outageLines(log, results).isEmpty());
            assertTrue(outageLines(log, results).get(0).contains("No space left on device"), log::text);
            Files.copy(harness.example("sim-qrs-ip-host"), connections.resolve("sim-qrs-ip-host.yaml"));
            ServiceHarness.await("the failing alert while the disk is full", WAIT,
                    () -> alerts("sim-qrs-ip-host").contains("failing"));
            ServiceHarness.await("status.json goes on", WAIT, () -> status().contains("sim-qrs-ip-host/qrs-about"));
            JsonNode status = JSON.readTree(status());
            assertEquals("failed", status.path("connections").path("sim-qrs-ip-host/qrs-about").path("status").asText());
            assertEquals(1, outageLines(log, results).size(), log::text);

            Files.delete(dailyFile());
            ServiceHarness.await("the daily file written again", WAIT, () -> Files.isRegularFile(dailyFile())
                    && !Files.isSymbolicLink(dailyFile()));
            ServiceHarness.await("the line that says so", WAIT,
                    () -> log.text().contains("Results folder " + results + " writable again"));
            for (String line : Files.readAllLines(dailyFile())) {
                JSON.readTree(line);
            }
            harness.stopService();
            new SecretGrep().secret("webhook path", HOOK_TOKEN).secret("webhook URL", receiver.url(HOOK_TOKEN))
                    .text("log", log.text()).files(home, f -> f.startsWith("out/")).assertClean(log.text());
        }
    }

    private static List<String> outageLines(LogCapture log, Path folder) {
        return log.lines().stream().filter(l -> l.contains("Results folder " + folder + " not writable")).toList();
    }

    private Path dailyFile() {
        return out.resolve("results").resolve(LocalDate.now(ZoneOffset.UTC) + ".jsonl");
    }

    private String status() {
        try {
            return Files.readString(out.resolve("status.json"));
        } catch (IOException e) {
            return "";
        }
    }

    private List<String> alerts(String connection) {
        return receiver.bodies(HOOK_TOKEN).stream().filter(b -> b.path("connection").asText().equals(connection))
                .map(b -> b.path("alert").asText()).toList();
    }

    /**
     * Moves the folder away in one rename and puts a file in its place in another. The service keeps writing
     * meanwhile and may make the folder again in between: then that one is moved away too, and the file tried again.
     */
    private static void replaceTreeWithFile(Path folder) throws IOException {
        Path file = Files.writeString(folder.resolveSibling(folder.getFileName() + ".file"), "not a folder");
        for (int attempt = 1; ; attempt++) {
            if (Files.exists(folder)) {
                Files.move(folder, folder.resolveSibling(folder.getFileName() + ".before-the-outage-" + attempt));
            }
            try {
                // rename(2): fails when the service made the folder again since, never replaces it
                Files.move(file, folder, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (IOException madeAgain) {
                if (attempt == 20) {
                    throw madeAgain;
                }
            }
        }
    }

    /** The daily file becomes a link to /dev/full in one rename, whatever the service appends meanwhile. */
    private void linkDailyFileToDevFull() throws IOException {
        Path link = Files.createSymbolicLink(dailyFile().resolveSibling("full.link"), Path.of("/dev/full"));
        Files.move(link, dailyFile(), StandardCopyOption.ATOMIC_MOVE);
    }
}
