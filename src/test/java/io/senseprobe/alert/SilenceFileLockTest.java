package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code silence} commands at the same moment: the second waits for the first's lock instead of writing a list
 * that lacks the first one's silence. The other command is a real process holding the lock.
 */
class SilenceFileLockTest {
    @TempDir
    Path dir;

    @Test
    void aChangeWaitsWhileAnotherProcessHoldsTheLockAndKeepsWhatItWrote() throws Exception {
        SilenceFile file = new SilenceFile(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolderChild.class.getName(), dir.resolve(SilenceFile.LOCK_NAME).toString(), "1500")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            // what the other command writes while it holds the lock
            file.write(List.of(silence("first")));

            long start = System.nanoTime();
            file.locked(() -> {
                List<Silence> silences = new ArrayList<>(file.read());
                silences.add(silence("second"));
                file.write(silences);
                return null;
            });
            long waitedMs = (System.nanoTime() - start) / 1_000_000;

            assertTrue(waitedMs >= 1000, "went ahead while the other process held the lock: " + waitedMs + " ms");
            assertEquals(List.of("first", "second"), file.read().stream().map(Silence::id).toList());
            assertEquals(0, other.waitFor());
        } finally {
            other.destroyForcibly();
        }
    }

    private static Silence silence(String id) {
        Instant now = Instant.now();
        return new Silence(id, "prod", null, now.plusSeconds(3600).toString(), null, now.toString());
    }
}
