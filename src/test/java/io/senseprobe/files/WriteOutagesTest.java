package io.senseprobe.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.alert.LogCapture;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One warning per outage of a folder, one line when every file that failed in it was written again. */
class WriteOutagesTest {
    @TempDir
    Path out;

    private static final IOException FULL = new FileSystemException("status.json: No space left on device");

    private List<String> lines(LogCapture log) {
        return log.lines().stream().filter(l -> l.contains("Results folder " + out)).toList();
    }

    @Test
    void aFileThatKeepsFailingBesideOneThatWorksIsOneWarningAndNoRecoveryLine() {
        try (LogCapture log = new LogCapture()) {
            WriteOutages.failed(out, "status.json", FULL);
            WriteOutages.failed(out, "alert-state.json", FULL);
            WriteOutages.worked(out, "alert-state.json");
            WriteOutages.failed(out, "status.json", FULL);
            WriteOutages.worked(out, "alert-state.json");
            assertEquals(1, lines(log).size(), log::text);

            WriteOutages.worked(out, "status.json");
            List<String> lines = lines(log);
            assertEquals(2, lines.size(), log::text);
            assertTrue(lines.get(0).contains("not writable (status.json not written: FileSystemException:"
                    + " status.json: No space left on device); will retry"), lines.get(0));
            assertTrue(lines.get(1).contains("writable again (status.json written)"), lines.get(1));
        }
    }

    @Test
    void theDailyFileIsOneFileWhateverItsDay() {
        try (LogCapture log = new LogCapture()) {
            WriteOutages.failed(out, "2026-12-03.jsonl", FULL);
            WriteOutages.worked(out, "2026-12-04.jsonl");
            assertEquals(2, lines(log).size(), log::text);
            assertTrue(lines(log).get(1).contains("writable again (2026-12-04.jsonl written)"), log::text);
        }
    }
}
