package io.senseprobe.files;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A results folder that cannot be written (a file where the folder should be, a full disk, a lost mount) is one
 * outage: one warning when the first write fails, one line when a write works again, nothing for the writes in
 * between (a sweep of 1,000 results would be 1,000 lines). The writers go on without the file: checks, status in
 * memory, metrics and alerts never wait for it, and the next write simply tries again. Per folder, so a full daily
 * results file does not hide status.json coming back.
 */
public final class WriteOutages {
    private static final Logger LOG = LoggerFactory.getLogger(WriteOutages.class);
    private static final Set<Path> OUT = ConcurrentHashMap.newKeySet();

    private WriteOutages() {
    }

    /** {@code what} (a file name) in {@code folder} could not be written. */
    public static void failed(Path folder, String what, Throwable e) {
        if (OUT.add(key(folder))) {
            LOG.warn("Results folder {} not writable ({} not written: {}); will retry, checks and alerts go on",
                    folder, what, describe(e));
        }
    }

    /** A write in {@code folder} worked: ends its outage, if there was one. */
    public static void worked(Path folder, String what) {
        if (!OUT.isEmpty() && OUT.remove(key(folder))) {
            LOG.info("Results folder {} writable again ({} written)", folder, what);
        }
    }

    /** Whether {@code folder} is in an outage now. */
    public static boolean isOut(Path folder) {
        return OUT.contains(key(folder));
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }

    /** The innermost cause, without a stack trace: "FileSystemException: /x/out/status.json: Not a directory". */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
