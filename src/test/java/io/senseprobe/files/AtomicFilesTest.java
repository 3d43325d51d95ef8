package io.senseprobe.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Private files are 0600 where the file system has POSIX permissions, and still written — with one logged note per
 * folder — where it has none. The JDK's zip file system stands in for NTFS or FAT: like them it has no "posix" view.
 */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void privateFilesAreOwnerOnlyOnAPosixFileSystem() throws Exception {
        Path file = dir.resolve("out/report.json");
        AtomicFiles.write(file, "{}", true);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void withoutPosixPermissionsTheFileIsWrittenAndANoteSaysSoOncePerFolder() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(AtomicFiles.class);
        log.start();
        logger.addAppender(log);
        URI zip = URI.create("jar:" + dir.resolve("no-posix.zip").toUri());
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            assertFalse(fs.supportedFileAttributeViews().contains("posix"));
            Path folder = fs.getPath("/inbox/.done");
            AtomicFiles.write(folder.resolve("a.result.json"), "[1]", true);
            AtomicFiles.write(folder.resolve("b.result.json"), "[2]", true);
            AtomicFiles.makePrivate(folder.resolve("a.result.json"));

            assertEquals("[1]", Files.readString(folder.resolve("a.result.json")));
            assertEquals("[2]", Files.readString(folder.resolve("b.result.json")));
            long notes = log.list.stream().filter(e -> e.getFormattedMessage().contains("has no POSIX permissions")).count();
            assertEquals(1, notes, log.list.toString());
            assertTrue(log.list.get(0).getFormattedMessage().contains("/inbox/.done"), log.list.get(0).getFormattedMessage());
        } finally {
            logger.detachAppender(log);
        }
    }
}
