package io.senseprobe.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One record per connection and check: what the log, file and alert sinks receive.
 * New fields (expiry warnings, more checks) are added here; consumers read it as JSON.
 */
@JsonPropertyOrder({"connection", "check", "target", "host", "port", "authType", "status", "category",
        "message", "hint", "checkedAt", "durationMs", "sense", "certificates", "credentials"})
public record CheckResult(
        String connection,
        String check,
        String target,
        String host,
        Integer port,
        String authType,
        Status status,
        Category category,
        String message,
        String hint,
        String checkedAt,
        long durationMs,
        Map<String, Object> sense,
        List<CertificateInfo> certificates,
        List<CredentialInfo> credentials) {

    /** A record about a definition or a definition file, not a check of a site: no address, no findings. */
    public static CheckResult about(String connection, String check, Status status, Category category, String message,
            String hint, Instant at) {
        return new CheckResult(connection, check, null, null, null, null, status, category, message, hint,
                at.toString(), 0, Map.of(), List.of(), List.of());
    }

    /** This record as a warning (an otherwise OK check), with the message and hint of what the warning is about. */
    public CheckResult warning(Category warningCategory, String warningMessage, String warningHint) {
        return new CheckResult(connection, check, target, host, port, authType, Status.WARNING, warningCategory,
                warningMessage, warningHint, checkedAt, durationMs, sense, certificates, credentials);
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
