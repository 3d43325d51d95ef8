package io.senseprobe.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSinkTest {
    @TempDir
    Path out;

    @Test
    void appendsWholeLinesToTheFileOfTheRecordsDay() throws Exception {
        JsonLinesSink sink = new JsonLinesSink(out);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 200; i++) {
            String day = i % 2 == 0 ? "2026-01-01T23:59:59.999Z" : "2026-01-02T00:00:00Z";
            int n = i;
            pool.submit(() -> sink.write(Records.ok("c" + n, day)));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        ObjectMapper json = new ObjectMapper();
        for (String day : List.of("2026-01-01", "2026-01-02")) {
            List<String> lines = Files.readAllLines(out.resolve("results/" + day + ".jsonl"));
            assertEquals(100, lines.size());
            for (String line : lines) {
                assertEquals("qrs-about", json.readTree(line).path("check").asText());
            }
        }
    }
}
