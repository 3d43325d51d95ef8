package io.senseprobe.definition;

import io.senseprobe.pem.PemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of reading a PEM file, kept while the file is unchanged (the same file, size and time): a folder
 * or an inbox burst of definitions naming the same three files reads each once, and an edited file is read again.
 */
final class PemChecks {
    private static final int MAX_ENTRIES = 4096;
    private static final Map<String, Optional<PemException>> SEEN = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<PemException>> eldest) {
                    return size() > MAX_ENTRIES;
                }
            });

    interface PemRead {
        void read() throws PemException;
    }

    private PemChecks() {
    }

    /** Reads the file (or recalls how reading it went); {@code variant} tells apart reads of one file (the passphrase). */
    static void check(Path file, String variant, PemRead read) throws PemException {
        String stamp = stamp(file);
        if (stamp == null) {
            read.read();
            return;
        }
        String key = stamp + '\n' + variant;
        Optional<PemException> known = SEEN.get(key);
        if (known != null) {
            if (known.isPresent()) {
                throw known.get();
            }
            return;
        }
        try {
            read.read();
            SEEN.put(key, Optional.empty());
        } catch (PemException e) {
            SEEN.put(key, Optional.of(e));
            throw e;
        }
    }

    private static String stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile() ? file + "|" + a.fileKey() + "|" + a.size() + "|" + a.lastModifiedTime() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
