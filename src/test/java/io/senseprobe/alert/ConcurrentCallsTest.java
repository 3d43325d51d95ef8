package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.testing.TestClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory calls from several threads at once, ticks included: each failure is announced exactly once. */
class ConcurrentCallsTest {
    @TempDir
    Path dir;

    @Test
    void severalThreadsGiveOneFailingPerConnection() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver()) {
            List<String> problems = new ArrayList<>();
            AlertSettings s = AlertSettings.from(Map.of("sense.alert.webhook.url", receiver.url("/hook"), "sense.alert.group-wait", "0")::get,
                    problems);
            AlertCamel camel = new AlertCamel(s, dir, dir, new TestClock());
            AlertService service = camel.service;
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        service.onResult(Results.failed("c" + (i % 5)), null);
                        service.tick();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
            assertEquals(List.of("c0", "c1", "c2", "c3", "c4"), receiver.bodies("/hook").stream()
                    .map(b -> b.get("connection").asText()).sorted().toList());
            service.stop();
            camel.close();
            // the state file is whole and readable
            assertEquals(5, new AlertStateStore(dir).load().size());
        }
    }
}
