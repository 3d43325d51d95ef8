package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.testing.SecretGrep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a running service while it works through a burst of inbox files (some of them slow, so files
 * are claimed in .inflight at the kill), then a restart: every file ends in .done with a whole report, none is lost,
 * none is left in the inbox or .inflight, and no secret is in any report or log.
 */
class KillDuringInboxProcessTest {
    private static final int FILES = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void aKilledInboxFinishesEveryFileAfterTheRestart() throws Exception {
        try (ServiceHarness harness = ServiceHarness.withSimulator(home)) {
            Path inbox = Files.createDirectories(home.resolve("inbox"));
            Map<String, String> env = Map.of("SENSE_INBOX_SETTLE", "100ms", "SENSE_CHECK_CONCURRENCY", "2");
            Process first = SenseProbeProcess.start(home, "first", env, "run");
            List<String> names = new ArrayList<>();
            try {
                // dropped while the service starts: it takes them once its routes run
                for (int i = 0; i < FILES; i++) {
                    // every fourth file waits for sim-slow (its timeout): claimed and in flight for a while
                    String example = i % 4 == 0 ? "sim-slow" : "sim-qrs";
                    String name = String.format("burst-%02d", i);
                    names.add(name);
                    Files.writeString(inbox.resolve(name + ".yaml"), harness.exampleText(example));
                }
                ServiceHarness.await("files in flight", Duration.ofSeconds(30), () -> count(inbox.resolve(".inflight")) > 0);
            } finally {
                first.destroyForcibly().waitFor();
            }
            int leftInFlight = count(inbox.resolve(".inflight"));

            Process second = SenseProbeProcess.start(home, "second", env, "run");
            try {
                ServiceHarness.await("every file done", Duration.ofSeconds(60), () -> names.stream().allMatch(n ->
                        done(inbox, n, ".yaml").size() == 1 && done(inbox, n, ".result.json").size() == 1));
            } finally {
                second.destroy();
                second.waitFor();
            }
            assertTrue(leftInFlight > 0, "the kill came when nothing was in flight");
            for (String name : names) {
                assertEquals(1, done(inbox, name, ".yaml").size(), () -> name + ": " + done(inbox, name, ""));
                JsonNode report = JSON.readTree(inbox.resolve(".done").resolve(done(inbox, name, ".result.json").get(0)).toFile());
                assertTrue(report.isArray() && report.size() >= 1, () -> name + ": " + report);
            }
            assertEquals(0, count(inbox.resolve(".inflight")), "nothing left in .inflight");
            try (Stream<Path> files = Files.list(inbox)) {
                assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "nothing left in the inbox");
            }
            assertEquals(0, count(inbox.resolve(".error")), "no file ended in .error");
            SecretGrep grep = new SecretGrep().secret("key passphrase", io.senseprobe.simulator.SenseSimulator.KEY_PASSPHRASE)
                    .files(home, f -> f.endsWith(".out") || f.endsWith(".err") || f.endsWith(".result.json")
                            || f.startsWith("out/"));
            grep.assertClean(KillDuringSweepProcessTest.read(home.resolve("second.err")));
        }
    }

    /** The files in .done of one dropped file (its claimed name starts with it), ending in {@code suffix}. */
    private static List<String> done(Path inbox, String name, String suffix) {
        Path done = inbox.resolve(".done");
        if (!Files.isDirectory(done)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith(name + ".") && f.endsWith(suffix)
                            && (suffix.equals(".yaml") ? !f.endsWith(".result.json") : true))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static int count(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
