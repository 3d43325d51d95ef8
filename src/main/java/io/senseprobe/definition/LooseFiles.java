package io.senseprobe.definition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files holding secrets (a client key, a definition with a secret written in it, a {@code ${file:...}} secret) that
 * group or others may read. Each such file is logged once per process and permission set (the inventory reads its
 * files again on every change); where the file system has no POSIX permissions nothing is said.
 */
final class LooseFiles {
    private static final Logger LOG = LoggerFactory.getLogger(LooseFiles.class);
    private static final Set<PosixFilePermission> LOOSE = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private LooseFiles() {
    }

    /** The permissions as {@code rw-r--r--} when group or others can read the file; empty otherwise or unknown. */
    static Optional<String> looseMode(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            return permissions.stream().anyMatch(LOOSE::contains)
                    ? Optional.of(PosixFilePermissions.toString(permissions)) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Logs the note at warn the first time this file is seen with these permissions. */
    static void logOnce(Problem note, Path file, String mode) {
        if (LOGGED.add(file + "|" + mode)) {
            LOG.warn("{}", note.describe());
        }
    }
}
