package io.senseprobe.sink;

import io.senseprobe.result.ResultKeys;
import io.senseprobe.result.ResultJson;
import io.senseprobe.AtomicFiles;
import io.senseprobe.result.CheckResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code <results>/status.json}: the latest record of every inventory connection and check,
 * {@code {"updatedAt": ..., "connections": {"<connection>/<check>": record}}}. Rewritten whole, through a temporary
 * file and an atomic rename, so a reader never sees half of it. Inbox results never come here.
 */
public final class StatusSink implements ResultSink {
    private final Path file;
    private final Clock clock;
    private final Map<String, CheckResult> latest = new TreeMap<>();

    public StatusSink(Path resultsDir, Clock clock) {
        this.file = resultsDir.resolve("status.json");
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void write(CheckResult result) {
        latest.put(ResultKeys.of(result), result);
        save();
    }

    /** Drops every connection not named (deleted or renamed definitions); rewrites only when something left. */
    public synchronized void retainConnections(Collection<String> connections) {
        boolean removed = latest.keySet().removeIf(key -> !connections.contains(ResultKeys.connectionOf(key)));
        if (removed) {
            save();
        }
    }

    private void save() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("updatedAt", clock.instant().toString());
        status.put("connections", latest);
        AtomicFiles.write(file, ResultJson.pretty(status), false);
    }
}
