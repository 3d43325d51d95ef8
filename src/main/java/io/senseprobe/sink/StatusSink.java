package io.senseprobe.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.senseprobe.files.AtomicFiles;
import io.senseprobe.files.WriteOutages;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultJson;
import io.senseprobe.result.ResultKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.camel.support.service.ServiceSupport;

/**
 * {@code <results>/status.json}: the latest record of every inventory connection and check,
 * {@code {"updatedAt": ..., "connections": {"<connection>/<check>": record}}}. A result only updates memory; the file
 * is rewritten whole by {@link #flush()} (the sinks route's status timer, at most once per
 * {@code sense.status.write-interval}, and once more when the service stops), through a temporary file and an atomic
 * rename, so a reader never sees half of it — and a sweep of 1,000 results costs one write, not 1,000.
 * Inbox results never come here.
 */
public final class StatusSink extends ServiceSupport implements ResultSink {
    private final Path file;
    private final Clock clock;
    private final Map<String, CheckResult> latest = new TreeMap<>();
    private boolean dirty;
    // held while the file is written (results keep arriving under this object's own lock meanwhile)
    private final Object writing = new Object();
    private volatile BooleanSupplier owner = () -> true;
    private volatile Predicate<String> inMaintenance = connection -> false;

    public StatusSink(Path resultsDir, Clock clock) {
        this.file = resultsDir.resolve("status.json");
        this.clock = clock;
    }

    /** Writes the file only while this instance owns the shared inventory (cluster); always, unless this is set. */
    public void ownedWhile(BooleanSupplier owner) {
        this.owner = owner;
    }

    /**
     * Which connections are in a maintenance window or silenced now (their alerts wait): their entries get
     * {@code "inMaintenance": true}, and every write looks again. None, unless this is set.
     */
    public void markInMaintenance(Predicate<String> connection) {
        this.inMaintenance = connection;
        markDirty();
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void write(CheckResult result) {
        latest.put(ResultKeys.of(result), result);
        dirty = true;
    }

    /**
     * Drops every record whose connection/check key and connection are both not named (deleted or renamed
     * definitions, checks taken off a connection's list).
     */
    public synchronized void retainConnections(Collection<String> connections) {
        if (latest.keySet().removeIf(key -> !connections.contains(key) && !connections.contains(ResultKeys.connectionOf(key)))) {
            dirty = true;
        }
    }

    /**
     * Writes the file when anything changed since the last write. One flush at a time (the timer's and the one at
     * stop may meet): writers share the temporary file, and an older state must never land after a newer one.
     */
    public void flush() {
        if (!owner.getAsBoolean()) {
            return;
        }
        synchronized (writing) {
            Map<String, CheckResult> snapshot;
            synchronized (this) {
                if (!dirty) {
                    return;
                }
                dirty = false;
                snapshot = new TreeMap<>(latest);
            }
            // outside this object's lock: results keep coming while the maintenance question is asked
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("updatedAt", clock.instant().toString());
            status.put("connections", withMaintenance(snapshot));
            String json = ResultJson.pretty(status);
            try {
                AtomicFiles.write(file, json, false);
                WriteOutages.worked(file.getParent(), file.getFileName().toString());
            } catch (RuntimeException e) {
                // the old file stays whole (atomic write); the next tick tries again with the newest state
                markDirty();
                WriteOutages.failed(file.getParent(), file.getFileName().toString(), e);
            }
        }
    }

    /** The latest results, those of connections in maintenance with {@code inMaintenance: true} added. */
    private Map<String, Object> withMaintenance(Map<String, CheckResult> snapshot) {
        Map<String, Object> entries = new LinkedHashMap<>();
        snapshot.forEach((key, result) -> {
            if (result.connection() != null && inMaintenance.test(result.connection())) {
                ObjectNode node = ResultJson.MAPPER.valueToTree(result);
                node.put("inMaintenance", true);
                entries.put(key, node);
                // looked at again at the next write: the window may end while no result arrives
                markDirty();
            } else {
                entries.put(key, result);
            }
        });
        return entries;
    }

    private synchronized void markDirty() {
        dirty = true;
    }

    @Override
    protected void doStop() {
        // the last results of a stopping service are not lost
        flush();
    }
}
