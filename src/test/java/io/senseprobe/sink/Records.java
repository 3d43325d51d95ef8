package io.senseprobe.sink;

import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.Status;
import java.util.List;
import java.util.Map;

/** Result records for sink tests. */
final class Records {
    private Records() {
    }

    static CheckResult ok(String connection, String checkedAt) {
        return new CheckResult(connection, "qrs-about", "qseow", "localhost", 4242, "cert", Status.OK, Category.OK,
                "Connected.", "", checkedAt, 123, Map.of("buildVersion", "31.43.0.0"), List.of(), List.of());
    }

    static CheckResult failed(String connection, String message) {
        return new CheckResult(connection, "qrs-about", "qseow", "127.0.0.1", 4242, "cert", Status.FAILED,
                Category.TLS_HOSTNAME_MISMATCH, message, "Use host: localhost.", "2026-01-02T03:04:05Z", 40, Map.of(),
                List.of(), List.of());
    }
}
