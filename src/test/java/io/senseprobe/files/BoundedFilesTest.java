package io.senseprobe.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFileOfTheLimitIsReadAndOneByteMoreFailsNamingFileAndLimit() throws Exception {
        Path file = dir.resolve("exact.txt");
        Files.write(file, new byte[1024]);
        assertEquals(1024, BoundedFiles.read(file, 1024).length);
        Files.write(file, new byte[1025]);
        BoundedFiles.TooLargeException e = assertThrows(BoundedFiles.TooLargeException.class, () -> BoundedFiles.read(file, 1024));
        assertEquals(file + " is larger than 1 KiB", e.getMessage());
        assertEquals(1024, e.limit());
        assertEquals(file, e.file());
    }

    @Test
    void aDeviceThatNeverEndsIsBoundedToo() {
        // the size the file system reports for /dev/zero is 0: only a bounded read stops it
        BoundedFiles.TooLargeException e = assertThrows(BoundedFiles.TooLargeException.class,
                () -> BoundedFiles.read(Path.of("/dev/zero"), BoundedFiles.ONE_MIB));
        assertEquals("/dev/zero is larger than 1 MiB", e.getMessage());
    }

    @Test
    void aStreamIsBoundedAndNamed() throws Exception {
        byte[] bytes = "0123456789".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(bytes, BoundedFiles.read(new ByteArrayInputStream(bytes), 10, "classpath:x"));
        BoundedFiles.TooLargeException e = assertThrows(BoundedFiles.TooLargeException.class,
                () -> BoundedFiles.read(new ByteArrayInputStream(bytes), 9, "classpath:x"));
        assertEquals("classpath:x is larger than 9 bytes", e.getMessage());
        assertEquals(null, e.file());
    }

    @Test
    void textIsDecodedStrictly() throws Exception {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertThrows(CharacterCodingException.class, () -> BoundedFiles.readString(file, 100, StandardCharsets.UTF_8));
        Files.writeString(file, "caf\u00e9", StandardCharsets.UTF_8);
        assertEquals("caf\u00e9", BoundedFiles.readString(file, 100, StandardCharsets.UTF_8));
    }

    @Test
    void sizesReadAsTheMessagesShowThem() {
        assertEquals("1 MiB", BoundedFiles.size(BoundedFiles.ONE_MIB));
        assertEquals("64 KiB", BoundedFiles.size(64 * 1024));
        assertEquals("256 KiB", BoundedFiles.size(256 * 1024));
        assertEquals("1000 bytes", BoundedFiles.size(1000));
    }
}
