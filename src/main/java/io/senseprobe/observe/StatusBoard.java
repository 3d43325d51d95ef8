package io.senseprobe.observe;

import io.senseprobe.logging.Secrets;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultJson;
import io.senseprobe.result.ResultKeys;
import io.senseprobe.result.Status;
import io.senseprobe.sink.Expiries;
import io.senseprobe.sink.InventorySink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The bean {@code statusBoard}: the sink behind the status page. Keeps the latest inventory result of every
 * connection and check, and when each last worked (ok or warning, since this service started), and answers
 * /api/status: {@code {"updatedAt", "connections": [{connection, check, status, category, message, hint, checkedAt,
 * lastOk, durationMs, certificates: [{role, expiresAt, daysLeft}], credentials: [{kind, expiresAt, daysLeft}]}]}}.
 * The answer passes the secret mask like a log line: a server's text could repeat a value we sent.
 */
public final class StatusBoard extends InventorySink {
    public static final String BEAN = "statusBoard";

    private final Clock clock;
    // by connection, then check (not by the "connection/check" key: "a-b/x" would sort before "a/x")
    private final Map<String, CheckResult> latest = new TreeMap<>(Comparator
            .comparing(ResultKeys::connectionOf).thenComparing(key -> key.substring(key.lastIndexOf('/') + 1)));
    private final Map<String, String> lastOk = new HashMap<>();

    public StatusBoard(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected synchronized void accept(CheckResult result) {
        String key = ResultKeys.of(result);
        latest.put(key, result);
        if (result.status() != Status.FAILED) {
            lastOk.put(key, result.checkedAt());
        }
    }

    private volatile Predicate<String> inMaintenance = connection -> false;

    /** Which connections are in a maintenance window or silenced now (row field inMaintenance); none unless set. */
    public void markInMaintenance(Predicate<String> connection) {
        this.inMaintenance = connection;
    }

    /** The body of /api/status. */
    public String json() {
        List<Map<String, Object>> rows = new ArrayList<>();
        synchronized (this) {
            latest.keySet().removeIf(key -> !inInventory(ResultKeys.connectionOf(key)));
            lastOk.keySet().retainAll(latest.keySet());
            latest.forEach((key, result) -> {
                Map<String, Object> row = row(result, lastOk.get(key));
                row.put("inMaintenance", result.connection() != null && inMaintenance.test(result.connection()));
                rows.add(row);
            });
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("updatedAt", clock.instant().toString());
        status.put("connections", rows);
        return Secrets.redact(ResultJson.line(status));
    }

    private static Map<String, Object> row(CheckResult r, String lastOk) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("connection", r.connection());
        row.put("check", r.check());
        row.put("target", r.target());
        row.put("host", r.host());
        row.put("port", r.port());
        row.put("status", r.status());
        row.put("category", r.category());
        row.put("message", r.message());
        row.put("hint", r.hint());
        row.put("checkedAt", r.checkedAt());
        row.put("lastOk", lastOk);
        row.put("durationMs", r.durationMs());
        row.put("certificates", expiries("role", Expiries.certificates(r)));
        row.put("credentials", expiries("kind", Expiries.credentials(r)));
        return row;
    }

    private static List<Map<String, Object>> expiries(String nameKey, List<Expiries.Expiry> found) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Expiries.Expiry e : found) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(nameKey, e.name());
            item.put("expiresAt", e.expiresAt());
            item.put("daysLeft", e.daysLeft());
            list.add(item);
        }
        return list;
    }
}
