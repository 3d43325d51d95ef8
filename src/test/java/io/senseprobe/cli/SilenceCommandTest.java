package io.senseprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.alert.Silence;
import io.senseprobe.alert.SilenceFile;
import io.senseprobe.files.AppHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code silence add|list|remove} on the app home's out/silences.json, as the running service reads it. */
class SilenceCommandTest {
    @TempDir
    Path home;
    private String before;

    @BeforeEach
    void useHome() {
        before = System.getProperty(AppHome.PROPERTY);
        System.setProperty(AppHome.PROPERTY, home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (before == null) {
            System.clearProperty(AppHome.PROPERTY);
        } else {
            System.setProperty(AppHome.PROPERTY, before);
        }
    }

    private List<Silence> file() throws Exception {
        return new SilenceFile(home.resolve("out")).read();
    }

    @Test
    void addListAndRemove() throws Exception {
        Instant start = Instant.now();
        CliRun added = CliRun.of("silence", "add", "--connection", "prod", "--for", "2h", "--comment", "db upgrade");
        assertEquals(0, added.exitCode(), added.all());
        CliRun matched = CliRun.of("silence", "add", "--match", "test-*", "--for", "30m");
        assertEquals(0, matched.exitCode(), matched.all());
        List<Silence> silences = file();
        assertEquals(2, silences.size());
        Silence prod = silences.get(0);
        assertEquals("prod", prod.connection());
        assertEquals("db upgrade", prod.comment());
        Duration length = Duration.between(start, Instant.parse(prod.until()));
        assertTrue(length.compareTo(Duration.ofHours(2)) >= 0 && length.compareTo(Duration.ofHours(3)) < 0, length.toString());
        assertTrue(silences.get(1).covers("test-7") && !silences.get(1).covers("prod"));
        assertTrue(added.out().contains("Added " + prod.id() + "  connection prod  until "), added.out());

        CliRun list = CliRun.of("silence", "list");
        assertTrue(list.out().contains(prod.id() + "  connection prod") && list.out().contains("match test-*"), list.out());

        CliRun removed = CliRun.of("silence", "remove", prod.id());
        assertEquals(0, removed.exitCode(), removed.all());
        assertEquals(List.of("test-*"), file().stream().map(Silence::match).toList());
        // written whole through a temporary file: nothing else is left beside it (but the commands' lock file)
        try (var listing = Files.list(home.resolve("out"))) {
            assertEquals(List.of(SilenceFile.LOCK_NAME, "silences.json"), listing.map(p -> p.getFileName().toString())
                    .sorted().toList());
        }
    }

    @Test
    void badInputIsAClearErrorAndChangesNothing() throws Exception {
        CliRun both = CliRun.of("silence", "add", "--connection", "prod", "--match", "p*", "--for", "1h");
        assertEquals(2, both.exitCode(), both.all());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        CliRun badFor = CliRun.of("silence", "add", "--connection", "prod", "--for", "two hours");
        assertEquals(2, badFor.exitCode(), badFor.all());
        assertTrue(badFor.err().contains("--for: \"two hours\" is not a duration. Give a duration such as 30m"), badFor.err());
        CliRun unknown = CliRun.of("silence", "remove", "nope");
        assertEquals(1, unknown.exitCode(), unknown.all());
        assertTrue(unknown.err().contains("No silence nope"), unknown.err());
        assertFalse(Files.exists(home.resolve("out/silences.json")));

        Files.createDirectories(home.resolve("out"));
        Files.writeString(home.resolve("out/silences.json"), "[{\"id\": ");
        CliRun broken = CliRun.of("silence", "add", "--connection", "prod", "--for", "1h");
        assertEquals(1, broken.exitCode(), broken.all());
        assertTrue(broken.err().contains("cannot be read") && broken.err().contains("Fix or delete it"), broken.err());
        assertFalse(broken.all().contains("\tat "), broken.all());
        assertEquals("[{\"id\": ", Files.readString(home.resolve("out/silences.json")));
    }
}
