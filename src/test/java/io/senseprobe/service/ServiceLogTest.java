package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.alert.LogCapture;
import io.senseprobe.files.Version;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the service says while it runs: per-check lines with time and source, and start-up and stop lines in words. */
class ServiceLogTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path home;

    @Test
    void theServiceLogReadsAsText() throws Exception {
        Path connections = Files.createDirectories(home.resolve("connections"));
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Files.createFile(connections.resolve(".gitkeep"));
        Files.createFile(inbox.resolve(".gitkeep"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        String log;
        try (ServiceHarness harness = ServiceHarness.withSimulator(home); LogCapture capture = new LogCapture()) {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            harness.startService("sense.alert.webhook.url", "http://127.0.0.1:9/hook-secret-path");
            ServiceHarness.await("the empty inventory said", WAIT, () -> capture.text().contains("Inventory: no connection definitions"));
            Files.writeString(inbox.resolve("dropped.yaml"), harness.exampleText("sim-qrs"));
            Files.writeString(connections.resolve("kept.yaml"), harness.exampleText("sim-qrs-ip-host"));
            ServiceHarness.await("both results printed", WAIT, () -> {
                String out = bytes.toString(StandardCharsets.UTF_8);
                return out.contains(" inbox OK sim-qrs ") && out.contains(" inventory FAILED sim-qrs-ip-host ");
            });
            harness.stopService();
            log = capture.text();
        } finally {
            System.setOut(stdout);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);

        out.lines().forEach(line -> assertTrue(
                line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z (inbox|inventory) (OK|WARNING|FAILED) .*"), line));
        assertTrue(log.contains("Alerts: to webhook (URL masked); a failing alert after 2 failed checks in a row"), log);
        assertFalse(log.contains("=null") || log.contains("hook-secret-path"), log);
        assertFalse(log.contains(".gitkeep"), log);
        assertTrue(log.contains("Inventory: no connection definitions in " + connections.toAbsolutePath()
                + ". Put .yaml, .yml or .json files there"), log);
        assertNotEquals("dev", Version.get());
        assertTrue(log.contains("sense-probe " + Version.get() + " service started"), log);
        assertTrue(log.contains("sense-probe service stopped."), log);
    }
}
