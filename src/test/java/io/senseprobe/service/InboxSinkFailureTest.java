package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.TestFolders;
import io.senseprobe.files.WriteOutages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A sink that cannot write (the daily results file's folder is a file): the inbox report still has every result. */
class InboxSinkFailureTest {
    @TempDir
    Path home;

    @Test
    void aFailingSinkIsLoggedAndTheReportStillHoldsTheResult() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(WriteOutages.class)).addAppender(log);
        try (ServiceHarness harness = ServiceHarness.withSimulator(home)) {
            harness.startService();
            // the daily results file cannot be written
            TestFolders.replaceWithFile(home.resolve("out/results"));
            Files.writeString(home.resolve("inbox/sinkless.yaml"), harness.exampleText("sim-qrs"));
            Path done = home.resolve("inbox/.done");
            ServiceHarness.await("the report", Duration.ofSeconds(15), () -> report(done) != null);

            JsonNode records = new ObjectMapper().readTree(report(done).toFile());
            assertEquals(1, records.size(), records::toString);
            assertEquals("ok", records.get(0).path("status").asText(), records::toString);
            assertTrue(log.list.stream().anyMatch(e -> e.getFormattedMessage().contains("not writable")
                    && e.getFormattedMessage().contains("will retry")), () -> log.list.toString());
        } finally {
            ((Logger) LoggerFactory.getLogger(WriteOutages.class)).detachAppender(log);
        }
    }

    private static Path report(Path done) {
        try (Stream<Path> files = Files.list(done)) {
            return files.filter(p -> p.getFileName().toString().startsWith("sinkless.")
                    && p.getFileName().toString().endsWith(".result.json")).findFirst().orElse(null);
        } catch (Exception e) {
            return null;
        }
    }
}
