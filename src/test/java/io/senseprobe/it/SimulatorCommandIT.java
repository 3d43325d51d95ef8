package io.senseprobe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.simulator.Listener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sense-probe simulator} as its own process, checked by another launcher process. */
class SimulatorCommandIT {
    @TempDir
    Path dir;

    @Test
    void simulatorOnBasePortServesItsOwnExampleDefinition() throws Exception {
        int basePort = freeBlock(Listener.values().length);
        Process simulator = Launcher.args("simulator", "--dir", dir.toString(), "--base-port", String.valueOf(basePort)).start();
        try {
            JsonNode ports = new ObjectMapper().readTree(firstLine(simulator));
            assertEquals(basePort, ports.get("qrs").asInt(), ports::toString);
            assertEquals(basePort + Listener.CLOUD.ordinal(), ports.get("cloud").asInt(), ports::toString);
            assertEquals(Listener.values().length, ports.size(), ports::toString);
            Path definition = dir.resolve("connections/sim-qrs.yaml");
            assertTrue(Files.isRegularFile(definition), "no " + definition);

            Launcher.Run run = Launcher.args("check", definition.toString()).run();

            assertEquals(0, run.exitCode(), run::describe);
            assertTrue(run.out().contains("sim-qrs"), run::describe);
        } finally {
            simulator.destroy();
            if (!simulator.waitFor(15, TimeUnit.SECONDS)) {
                simulator.destroyForcibly();
                fail("the simulator did not stop on SIGTERM");
            }
        }
    }

    @Test
    void demoRunsTheServiceShowsFailuresWithHintsAndAnAlert() throws IOException {
        Path home = dir.resolve("demo");
        Launcher.Run run = Launcher.args("demo", "--home", home.toString(), "--stop-after", "8s").run();

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.out().contains("Demo home:"), run::describe);
        assertTrue(run.out().contains("OK sim-qrs "), run::describe);
        assertTrue(run.out().contains("FAILED sim-qrs-ip-host tls-hostname-mismatch"), run::describe);
        assertTrue(run.out().contains("FAILED demo-refused-port connection-refused"), run::describe);
        assertTrue(run.out().contains(">>> webhook received: FAILING"), run::describe);
        try (Stream<Path> days = Files.list(home.resolve("out/results"))) {
            assertTrue(days.anyMatch(p -> p.toString().endsWith(".jsonl")), run::describe);
        }
        assertTrue(Files.readString(home.resolve("out/webhook-capture.jsonl")).contains("\"alert\":\"failing\""), run::describe);
        assertTrue(Files.isRegularFile(home.resolve("out/status.json")), run::describe);
        ExitCodesIT.assertNoStackTrace(run);
    }

    private static String firstLine(Process process) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String first = line.get(Launcher.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (first == null) {
            fail("the simulator ended without printing its ports: "
                    + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return first;
    }

    /** A random block of {@code size} consecutive ports that were free a moment ago. */
    private static int freeBlock(int size) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 30_000);
            if (allFree(base, size)) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of " + size + " ports");
    }

    private static boolean allFree(int base, int size) {
        for (int port = base; port < base + size; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
