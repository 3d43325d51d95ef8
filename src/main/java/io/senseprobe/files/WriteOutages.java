package io.senseprobe.files;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A results folder that cannot be written (a file where the folder should be, a full disk, a lost mount) is one
 * outage: one warning when the first write fails, one line when every file that failed was written again, nothing
 * for the writes in between (a sweep of 1,000 results would be 1,000 lines). The writers go on without the file:
 * checks, status in memory, metrics and alerts never wait for it, and the next write simply tries again. Per folder
 * and the files failing in it: status.json failing (a folder in its place) while alert-state.json beside it is
 * written neither logs at every write nor ends the outage.
 */
public final class WriteOutages {
    private static final Logger LOG = LoggerFactory.getLogger(WriteOutages.class);
    // folder -> the files that failed there and were not written since
    private static final Map<Path, Set<String>> OUT = new ConcurrentHashMap<>();
    // the daily results file is one file for this purpose, whatever its day
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private WriteOutages() {
    }

    /** {@code what} (a file name) in {@code folder} could not be written. */
    public static void failed(Path folder, String what, Throwable e) {
        boolean[] first = {false};
        OUT.compute(key(folder), (dir, files) -> {
            first[0] = files == null;
            Set<String> failing = files == null ? ConcurrentHashMap.newKeySet() : files;
            failing.add(file(what));
            return failing;
        });
        if (first[0]) {
            LOG.warn("Results folder {} not writable ({} not written: {}); will retry, checks and alerts go on",
                    folder, what, describe(e));
        }
    }

    /** A write in {@code folder} worked: ends its outage when no other file there is still failing. */
    public static void worked(Path folder, String what) {
        if (OUT.isEmpty()) {
            return;
        }
        boolean[] ended = {false};
        OUT.computeIfPresent(key(folder), (dir, files) -> {
            ended[0] = files.remove(file(what)) && files.isEmpty();
            return files.isEmpty() ? null : files;
        });
        if (ended[0]) {
            LOG.info("Results folder {} writable again ({} written)", folder, what);
        }
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }

    private static String file(String what) {
        return DAY.matcher(what).replaceAll("<day>");
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
