package io.senseprobe.alert;

import io.senseprobe.definition.AuthType;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.Target;
import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Check results and definitions as the inventory would hand them over. */
public final class Results {
    private Results() {
    }

    public static CheckResult failed(String connection, String message) {
        return failedAt(connection, message, "2025-03-01T08:00:00Z");
    }

    /** A failed check that ran at {@code checkedAt}. */
    public static CheckResult failedAt(String connection, String message, String checkedAt) {
        return new CheckResult(connection, "qrs-about", "qseow", "sense.example.com", 4242, "cert", Status.FAILED,
                Category.CONNECTION_REFUSED, message, Category.CONNECTION_REFUSED.defaultHint(),
                checkedAt, 12, Map.of(), List.of(), List.of());
    }

    public static CheckResult failed(String connection) {
        return failed(connection, "Connection refused by sense.example.com:4242");
    }

    public static CheckResult ok(String connection) {
        return new CheckResult(connection, "qrs-about", "qseow", "sense.example.com", 4242, "cert", Status.OK,
                Category.OK, "QRS answered, build 14.254.6", "", "2025-03-01T08:05:00Z", 40,
                Map.of("buildVersion", "14.254.6"), List.of(), List.of());
    }

    /** A definition whose alerts go to {@code alertTo} (null: the default destinations); alerts at the first failure. */
    public static Definition routedTo(String name, List<String> alertTo) {
        Definition.Overrides overrides = new Definition.Overrides(null, 1, null, null, Duration.ZERO, null, null, null,
                null, alertTo);
        return new Definition(name, Target.QSEOW, "sense.example.com", 4242, "", AuthType.CERT, null, null, null,
                null, null, null, null, null, true, Definition.DEFAULT_TIMEOUT, overrides, Path.of("connections.yaml"));
    }

    public static Definition definition(String name, Integer failureThreshold, Integer successThreshold,
            Duration reminderInterval, Duration rateLimit) {
        Definition.Overrides overrides = new Definition.Overrides(null, failureThreshold, successThreshold,
                reminderInterval, rateLimit, null, null, null, null, null);
        return new Definition(name, Target.QSEOW, "sense.example.com", 4242, "", AuthType.CERT, null, null, null,
                null, null, null, null, null, true, Definition.DEFAULT_TIMEOUT, overrides, Path.of("connections.yaml"));
    }
}
