package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a previous run left behind: claimed files are finished, old reports are deleted. */
class InboxRestartTest {
    @TempDir
    Path home;

    @Test
    void leftoversAreFinishedAndOldReportsDeletedOnStart() throws Exception {
        try (ServiceHarness harness = ServiceHarness.withSimulator(home)) {
            InboxFolders folders = InboxFolders.in(home.resolve("inbox"));
            folders.create();
            String claimed = "left.20240101T000000000.yaml";
            Files.writeString(folders.inflight().resolve(claimed), harness.exampleText("sim-qrs"));
            // a crash after the report was written, before the move: the redo overwrites it
            Files.writeString(folders.resultReport(claimed), "[]");

            Instant old = Instant.now().minus(Duration.ofDays(31));
            Path oldDone = folders.done().resolve("old.20200101T000000000.yaml");
            Path oldReport = folders.resultReport("old.20200101T000000000.yaml");
            Path oldError = folders.errorReport("bad.20200101T000000000.yaml");
            Path recent = folders.done().resolve("recent.20240101T000000000.yaml");
            for (Path p : new Path[] {oldDone, oldReport, oldError, recent}) {
                Files.writeString(p, "x");
                Files.setLastModifiedTime(p, FileTime.from(p == recent ? Instant.now().minus(Duration.ofDays(29)) : old));
            }

            harness.startService();
            ServiceHarness.await("leftover finished", Duration.ofSeconds(10),
                    () -> Files.exists(folders.done().resolve(claimed)));
            assertEquals("ok", new ObjectMapper().readTree(folders.resultReport(claimed).toFile()).get(0).path("status").asText());
            try (Stream<Path> inflight = Files.list(folders.inflight())) {
                assertEquals(0, inflight.count());
            }
            // one sweep deletes them one after another: wait for the last of them
            ServiceHarness.await("old files deleted", Duration.ofSeconds(5),
                    () -> !Files.exists(oldDone) && !Files.exists(oldReport) && !Files.exists(oldError));
            assertTrue(Files.exists(recent));
        }
    }
}
