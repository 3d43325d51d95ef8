package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sense-probe run} as a real process: environment variables in Camel's form override the configuration,
 * an invalid configuration exits 2 with every problem, and kill -9 with files in flight loses none of them.
 */
class RunProcessTest {
    @TempDir
    Path home;

    private Process run(Map<String, String> env, String name) throws IOException {
        return SenseProbeProcess.start(home, name, env, "run");
    }

    @Test
    void anInvalidConfigurationFromTheEnvironmentExitsTwoWithEveryProblem() throws Exception {
        assertTrue(System.getProperty("java.class.path").contains("camel-main"), "needs the test class path");
        Process p = run(Map.of("SENSE_CHECK_CONCURRENCY", "0", "SENSE_INBOX_SETTLE", "soon"), "invalid");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not exit");
        String err = Files.readString(home.resolve("invalid.err"));
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.contains("sense.check.concurrency = \"0\""), err);
        assertTrue(err.contains("sense.inbox.settle = \"soon\""), err);
    }

    @Test
    void killMinusNineWithFilesInFlightThenRestartEndsEveryFileOnce() throws Exception {
        try (ServiceHarness harness = ServiceHarness.withSimulator(home)) {
            // SENSE_INBOX_DIR also shows that an environment variable overrides the packaged file
            Map<String, String> env = Map.of("SENSE_INBOX_DIR", "drop", "SENSE_INBOX_SETTLE", "100ms");
            Path drop = home.resolve("drop");
            Process first = run(env, "first");
            ServiceHarness.await("drop/.inflight created", Duration.ofSeconds(30), () -> Files.isDirectory(drop.resolve(".inflight")));
            // sim-slow answers after 5 s and times out after 2 s: these are in flight when the process dies
            for (int i = 1; i <= 4; i++) {
                Files.writeString(drop.resolve("slow" + i + ".yaml"), harness.exampleText("sim-slow"));
            }
            Files.writeString(drop.resolve("fast.yaml"), harness.exampleText("sim-qrs"));
            ServiceHarness.await("slow files claimed", Duration.ofSeconds(10), () -> count(drop.resolve(".inflight"), "slow") == 4);
            first.destroyForcibly();
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            assertTrue(count(drop.resolve(".inflight"), "slow") > 0, "nothing was in flight at the kill");

            Process second = run(env, "second");
            try {
                ServiceHarness.await("every file done", Duration.ofSeconds(40), () -> count(drop.resolve(".done"), "") == 10);
                assertEquals(0, count(drop.resolve(".inflight"), ""));
                for (String name : List.of("slow1.", "slow2.", "slow3.", "slow4.", "fast.")) {
                    assertEquals(2, count(drop.resolve(".done"), name), name + " in .done: definition and report, once");
                }
                assertEquals(0, count(drop.resolve(".error"), ""));
                String stdout = Files.readString(home.resolve("second.out"));
                assertTrue(stdout.contains("FAILED sim-slow timeout"), stdout);
                // stdout carries result lines only (since issue 8 with the check's time and source); logs go to stderr
                assertTrue(stdout.lines().allMatch(l -> l.matches("\\S+Z (inbox|inventory) (OK|WARNING|FAILED) .*")), stdout);
                // SIGTERM (what destroy sends) stops the service, and the log says so
                second.destroy();
                assertTrue(second.waitFor(20, TimeUnit.SECONDS), "did not stop on SIGTERM");
                String stderr = Files.readString(home.resolve("second.err"));
                assertTrue(stderr.contains("sense-probe service stopped."), stderr);
            } finally {
                second.destroy();
                second.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private static long count(Path folder, String prefix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && !n.startsWith(".")).count();
        } catch (IOException e) {
            return -1;
        }
    }
}
