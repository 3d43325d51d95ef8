package io.senseprobe.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusSinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void keepsTheLatestRecordPerConnectionAndCheck() throws Exception {
        StatusSink sink = new StatusSink(out, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
        sink.write(Records.ok("central", "2026-01-02T03:00:00Z"));
        sink.write(Records.failed("central", "now broken"));
        sink.write(Records.ok("cloud", "2026-01-02T03:00:00Z"));
        assertFalse(Files.exists(sink.file()), "written per result, not coalesced");
        sink.flush();
        JsonNode status = JSON.readTree(sink.file().toFile());
        assertEquals("2026-01-02T03:04:05Z", status.path("updatedAt").asText());
        assertEquals("failed", status.path("connections").path("central/qrs-about").path("status").asText());
        assertEquals(2, status.path("connections").size());

        sink.retainConnections(Set.of("cloud"));
        sink.flush();
        status = JSON.readTree(sink.file().toFile());
        assertEquals(1, status.path("connections").size());
        assertTrue(status.path("connections").has("cloud/qrs-about"));
    }

    @Test
    void readersNeverSeeHalfAFileWhileManyThreadsWrite() throws Exception {
        StatusSink sink = new StatusSink(out, Clock.systemUTC());
        sink.write(Records.ok("first", "2026-01-02T03:00:00Z"));
        sink.flush();
        AtomicBoolean torn = new AtomicBoolean();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                try {
                    JSON.readTree(Files.readString(sink.file())).path("connections").fields();
                } catch (Exception e) {
                    torn.set(true);
                }
            }
        });
        reader.start();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 300; i++) {
            int n = i;
            pool.submit(() -> {
                sink.write(Records.ok("c" + (n % 30), "2026-01-02T03:00:00Z"));
                sink.flush();
            });
        }
        pool.shutdown();
        pool.awaitTermination(20, TimeUnit.SECONDS);
        writing.set(false);
        reader.join();
        assertFalse(torn.get(), "a reader saw an incomplete status.json");
        assertEquals(31, JSON.readTree(sink.file().toFile()).path("connections").size());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(1, files.count(), "temporary files left behind");
        }
    }
}
