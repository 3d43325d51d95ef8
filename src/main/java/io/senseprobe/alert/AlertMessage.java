package io.senseprobe.alert;

import io.senseprobe.result.ResultKeys;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.senseprobe.result.CheckResult;

/**
 * One alert, rendered once and handed to every destination (and kept as such in the spool).
 * {@code since} is when the failing streak began, {@code lastOk} the last successful check (null: none seen);
 * both ISO-8601 instants. Holds no destination address and no secret.
 */
@JsonPropertyOrder({"kind", "since", "lastOk", "subject", "text", "createdAt", "result"})
public record AlertMessage(AlertKind kind, String since, String lastOk, String subject, String text,
        String createdAt, CheckResult result) {

    /** "connection/check", how logs and the state file name the thing that alerts. */
    public String subjectKey() {
        return ResultKeys.of(result);
    }
}
