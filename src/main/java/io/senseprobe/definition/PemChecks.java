package io.senseprobe.definition;

import io.senseprobe.pem.PemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The PEM files found readable, remembered while unchanged (the same file, size, time and inode change time): a
 * folder or an inbox burst of definitions naming the same three files reads each once, and an edited, re-owned or
 * re-permitted file is read again. A failure is never remembered, so a fix shows at the next look.
 */
final class PemChecks {
    private static final int MAX_ENTRIES = 4096;
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    private static final Set<String> READABLE = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MAX_ENTRIES;
                }
            }));

    interface PemRead {
        void read() throws PemException;
    }

    private PemChecks() {
    }

    /** Reads the file (or recalls how reading it went); {@code variant} tells apart reads of one file (the passphrase). */
    static void check(Path file, String variant, PemRead read) throws PemException {
        String stamp = stamp(file);
        String key = stamp + '\n' + sha256(variant);
        if (stamp != null && READABLE.contains(key)) {
            return;
        }
        read.read();
        if (stamp != null) {
            READABLE.add(key);
        }
    }

    // the key holds a digest of the passphrase, never the passphrase
    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stamp(Path file) {
        try {
            // one stat: with "unix" the inode change time too (chmod, chown), else the basic attributes
            Map<String, Object> a = Files.readAttributes(file, POSIX ? "unix:ino,size,lastModifiedTime,ctime,isRegularFile"
                    : "fileKey,size,lastModifiedTime,isRegularFile");
            return Boolean.TRUE.equals(a.get("isRegularFile")) ? file + "|" + a : null;
        } catch (IOException e) {
            return null;
        }
    }
}
