package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.alert.RecordingReceiver;
import io.senseprobe.cluster.ClusterSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code sense-probe run} processes on one app home with the file-lock cluster service (1 s heartbeat, stale
 * after 3): the first owns everything, the second stands by; kill -9 the owner and the standby takes over within
 * the stated time, sends what the owner left in the spool, announces nothing twice, and finishes the inbox file the
 * owner had in flight exactly once. A one-shot {@code check} on the same home never takes part.
 */
class ClusterTakeoverProcessTest {
    private static final String HOOK = "/hook";
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final int STALE_AFTER = 3;
    // the connections' names in the simulator's example files (down1.yaml, down2.yaml here)
    private static final String DOWN1 = "sim-qrs-ip-host";
    private static final String DOWN2 = "sim-jwt-expired";
    private static final String TAKES_OVER = "this instance takes over";

    @TempDir
    Path home;

    private Process start(String name, Map<String, String> env, String... args) throws IOException {
        return SenseProbeProcess.start(home, name, env, args);
    }

    @Test
    void theStandbyTakesOverFromAKilledOwnerWithoutLosingOrRepeatingAnything() throws Exception {
        try (ServiceHarness harness = ServiceHarness.withSimulator(home); RecordingReceiver receiver = new RecordingReceiver()) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "SENSE_CLUSTER_SERVICE", "file",
                    "SENSE_CLUSTER_FILE_INTERVAL", INTERVAL.toMillis() + "ms",
                    "SENSE_CLUSTER_FILE_STALE_AFTER", String.valueOf(STALE_AFTER),
                    "SENSE_CHECK_INTERVAL", "1s",
                    "SENSE_INBOX_SETTLE", "100ms",
                    "SENSE_ALERT_FAILURE_THRESHOLD", "1",
                    "SENSE_ALERT_RATE_LIMIT", "0",
                    // each message at once: the test follows single messages through the spool
                    "SENSE_ALERT_GROUP_WAIT", "0",
                    "SENSE_ALERT_WEBHOOK_URL", receiver.url(HOOK)));
            Path connections = Files.createDirectories(home.resolve("connections"));
            Path inbox = home.resolve("inbox");
            // the webhook is down: the owner's failing alert stays in its spool (out/undelivered/) until the kill
            receiver.answer(500);
            Files.copy(harness.example("sim-qrs-ip-host"), connections.resolve("down1.yaml"));

            // both at once (a JVM start each is the slow part here); whichever gets the lock first is the owner
            Process one = start("one", env, "run");
            Process two = start("two", env, "run");
            try {
                ServiceHarness.await("an owner", Duration.ofSeconds(40), () -> logged("one", TAKES_OVER) || logged("two", TAKES_OVER));
                String ownerName = logged("one", TAKES_OVER) ? "one" : "two";
                String standbyName = ownerName.equals("one") ? "two" : "one";
                Process owner = ownerName.equals("one") ? one : two;
                awaitLog(standbyName, "standby until this instance leads", Duration.ofSeconds(40));
                ServiceHarness.await("the owner's failing alert tried", Duration.ofSeconds(20),
                        () -> !receiver.requests(HOOK).isEmpty());
                assertEquals(1, count(home.resolve("out/undelivered"), ""), "the failing alert is spooled");
                // sim-slow answers after 5 s (times out after 2 s): in flight when the owner dies
                Files.writeString(inbox.resolve("slow.yaml"), harness.exampleText("sim-slow"));
                ServiceHarness.await("slow.yaml claimed", Duration.ofSeconds(10), () -> count(inbox.resolve(".inflight"), "slow") == 1);
                assertEquals("", Files.readString(home.resolve(standbyName + ".out")), "the standby checked nothing");
                assertFalse(logged(standbyName, TAKES_OVER));

                // a one-shot check on the same home, beside the instances (it is awaited at the end): never joins the cluster
                Process oneShot = start("check", env, "check", connections.toString());
                owner.destroyForcibly();
                assertTrue(owner.waitFor(10, TimeUnit.SECONDS));
                long killed = System.nanoTime();
                receiver.answer(200);
                Files.copy(harness.example("sim-jwt-expired"), connections.resolve("down2.yaml"));

                Duration stated = new ClusterSettings(ClusterSettings.Kind.FILE, "sense-probe", null, INTERVAL, STALE_AFTER, null,
                        null).takeoverWithin();
                // the stated time plus the master routes' 1 s start delay, with room for a loaded 2-core machine
                awaitLog(standbyName, TAKES_OVER, stated.plusSeconds(4));
                Duration took = Duration.ofNanos(System.nanoTime() - killed);
                System.out.println("Takeover after kill -9: " + took.toMillis() + " ms (stated: within " + stated.toMillis() + " ms)");

                ServiceHarness.await("the slow file finished", Duration.ofSeconds(20),
                        () -> count(inbox.resolve(".done"), "slow") + count(inbox.resolve(".error"), "slow") == 2);
                ServiceHarness.await("both failing alerts accepted", Duration.ofSeconds(20),
                        () -> accepted(receiver, DOWN1) == 1 && accepted(receiver, DOWN2) == 1);
                // two more sweeps of the new owner: nothing is announced again
                long results = lines(home.resolve(standbyName + ".out"));
                ServiceHarness.await("two more sweeps", Duration.ofSeconds(20), () -> lines(home.resolve(standbyName + ".out")) >= results + 4);
                assertEquals(1, accepted(receiver, DOWN1), "the first failing alert: sent once, from the spool");
                assertEquals(1, accepted(receiver, DOWN2), "the second failing alert: sent once");
                assertEquals(0, count(home.resolve("out/undelivered"), ""));
                assertEquals(2, count(inbox.resolve(".done"), "slow"), "slow.yaml and its report, once");
                assertEquals(0, count(inbox.resolve(".error"), ""));
                assertEquals(0, count(inbox.resolve(".inflight"), ""));
                String status = Files.readString(home.resolve("out/status.json"));
                assertTrue(status.contains("\"" + DOWN2 + "/qrs-about\""), status);

                assertTrue(oneShot.waitFor(60, TimeUnit.SECONDS));
                assertEquals(1, oneShot.exitValue(), Files.readString(home.resolve("check.err")));
                assertFalse(Files.readString(home.resolve("check.err")).toLowerCase().contains("cluster"),
                        Files.readString(home.resolve("check.err")));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n--- one.err ---\n" + tail(home.resolve("one.err"))
                        + "\n--- two.err ---\n" + tail(home.resolve("two.err")), e);
            } finally {
                for (Process p : List.of(one, two)) {
                    p.destroy();
                    p.waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static long accepted(RecordingReceiver receiver, String connection) {
        return receiver.bodies(HOOK).stream().filter(b -> connection.equals(b.path("connection").asText()))
                .map(JsonNode::toString).filter(b -> b.contains("\"alert\":\"failing\"")).count();
    }

    private boolean logged(String process, String text) {
        return read(home.resolve(process + ".err")).contains(text);
    }

    private void awaitLog(String process, String text, Duration timeout) throws InterruptedException {
        Path err = home.resolve(process + ".err");
        ServiceHarness.await(process + " to log \"" + text + "\"", timeout, () -> read(err).contains(text));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        List<String> lines = read(file).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static long lines(Path file) {
        return read(file).lines().count();
    }

    private static long count(Path folder, String prefix) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && !n.startsWith(".")).count();
        } catch (IOException e) {
            return -1;
        }
    }
}
