package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From a complete file to its report on disk, with the default settle time of 500 ms: the goal is p95 under 1 s. */
class InboxLatencyTest {
    @TempDir
    Path home;

    @Test
    void reportsAppearSoonAfterTheSettleTime() throws Exception {
        try (ServiceHarness harness = ServiceHarness.withSimulator(home)) {
            harness.startService("sense.inbox.settle", "500ms");
            Path inbox = home.resolve("inbox");
            String text = harness.exampleText("sim-qrs");
            Map<String, Long> written = new HashMap<>();
            for (int i = 0; i < 20; i++) {
                Files.writeString(inbox.resolve("f" + i + ".yaml"), text);
                written.put("f" + i + ".", System.currentTimeMillis());
                Thread.sleep(i % 4 == 0 ? 120 : 30);
            }
            Path done = inbox.resolve(".done");
            ServiceHarness.await("20 reports", Duration.ofSeconds(20), () -> reports(done).size() == 20);
            List<Long> latencies = new ArrayList<>();
            for (Path report : reports(done)) {
                String name = report.getFileName().toString();
                long writtenAt = written.get(name.substring(0, name.indexOf('.') + 1));
                latencies.add(Files.getLastModifiedTime(report).toMillis() - writtenAt);
            }
            Collections.sort(latencies);
            long p95 = latencies.get(18);
            System.err.println("Inbox latency, ms (settle 500 ms): median " + latencies.get(10) + ", p95 " + p95
                    + ", max " + latencies.get(19));
            assertEquals(20, latencies.size());
            assertTrue(latencies.get(0) >= 450, "taken before the settle time: " + latencies);
            // the goal is 1 s; the margin is for a build machine shared with other builds
            assertTrue(p95 < 2000, "p95 " + p95 + " ms: " + latencies);
        }
    }

    private static List<Path> reports(Path done) {
        try (Stream<Path> files = Files.list(done)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".result.json")).toList();
        } catch (Exception e) {
            return List.of();
        }
    }
}
