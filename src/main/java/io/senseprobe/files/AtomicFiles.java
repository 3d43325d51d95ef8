package io.senseprobe.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a whole file under a temporary dot-name, flushed to disk, and renames it into place, so a reader (or a
 * restart after kill -9) sees the old content or the new, never half. Private files are created 0600 from the
 * start: they may hold secrets from definitions. The dot-name keeps the temporary file out of folder listings.
 * Where the file system has no POSIX permissions (Windows' NTFS, FAT, some network shares) a private file is written
 * all the same, and a note says once per folder that the folder's own access rules (ACLs) must protect it.
 */
public final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));
    private static final Set<Path> NOTED = ConcurrentHashMap.newKeySet();
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content, boolean privateFile) throws IOException {
        write(target, content, privateFile, true);
    }

    /**
     * As {@link #write(Path, byte[], boolean)} but not flushed to disk: whole across a crash of the process (the
     * rename lands after the data, in the page cache), not across a power cut. For one-off output such as the inbox
     * reports, where a flush per file took a third of a 200-file burst (bench/inbox).
     */
    public static void writeUnflushed(Path target, String content, boolean privateFile) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8), privateFile, false);
    }

    private static void write(Path target, byte[] content, boolean privateFile, boolean flush) throws IOException {
        if (!Files.isDirectory(target.getParent())) {
            Files.createDirectories(target.getParent());
        }
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        FileAttribute<?>[] attributes = privateFile && ownerOnlyPossible(target)
                ? new FileAttribute<?>[] {OWNER_ONLY} : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(temp, CREATE, attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (flush) {
                channel.force(true);
            }
        } catch (IOException e) {
            // a full disk: the target keeps its old content, and the half temporary file does not take up space
            Files.deleteIfExists(temp);
            throw e;
        }
        move(temp, target);
    }

    /** As {@link #write(Path, byte[], boolean)}, for text; a failure is unchecked. */
    public static void write(Path target, String content, boolean privateFile) {
        try {
            write(target, content.getBytes(StandardCharsets.UTF_8), privateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /** Renames atomically where the file system can, else replaces. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Owner read/write only; where the file system has no POSIX permissions, a note instead (once per folder). */
    public static void makePrivate(Path file) throws IOException {
        if (ownerOnlyPossible(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * Whether the file system of {@code file} has POSIX permissions. (A mount without them inside a POSIX file system,
     * FAT on Linux, takes the 0600 at creation and ignores it: the JDK cannot tell, and a mount lookup per write
     * would cost more than the write.)
     */
    static boolean ownerOnlyPossible(Path file) {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return true;
        }
        noteOnce(file);
        return false;
    }

    private static void noteOnce(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (NOTED.add(folder == null ? file : folder)) {
            LOG.info("{} has no POSIX permissions: files with secrets there are not made owner-only (0600); restrict"
                    + " the folder itself (on Windows: its ACL, e.g. icacls), as the README's Windows section shows", folder);
        }
    }
}
