package io.senseprobe.check;

import io.senseprobe.definition.Definition;
import io.senseprobe.result.Category;
import io.senseprobe.result.CertificateInfo;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.Status;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a finished attempt into the result record, with the certificates the handshake showed. */
public record ResultFactory(Clock clock) {
    public CheckResult ok(CheckAttempt attempt, Map<String, Object> sense) {
        return build(attempt, Status.OK, Category.OK, attempt.check().okMessage(attempt.definition(), sense), "", sense);
    }

    public CheckResult failed(CheckAttempt attempt, Category category, String message, String hint) {
        return build(attempt, Status.FAILED, category, message, hint == null ? category.defaultHint() : hint, Map.of());
    }

    /** A warning or a failure a check found in a good answer, with what the answer said. */
    public CheckResult found(CheckAttempt attempt, Status status, Category category, String message, String hint,
            Map<String, Object> sense) {
        return build(attempt, status, category, message, hint == null ? category.defaultHint() : hint, sense);
    }

    private CheckResult build(CheckAttempt attempt, Status status, Category category, String message, String hint,
            Map<String, Object> sense) {
        attempt.finish();
        Definition d = attempt.definition();
        List<CertificateInfo> certificates = new ArrayList<>();
        if (attempt.tls() != null && !attempt.tls().clientChain().isEmpty()) {
            certificates.add(CertificateInfo.of(CertificateInfo.CLIENT, attempt.tls().clientChain().get(0), clock.instant()));
        }
        X509Certificate server = attempt.tlsSeen().serverCertificate();
        if (server != null) {
            certificates.add(CertificateInfo.of(CertificateInfo.SERVER, server, clock.instant()));
        }
        return new CheckResult(d.name(), attempt.check().id(), d.target().id(), d.host(), attempt.port(), d.authType().id(),
                status, category, message, hint, attempt.startedAt().toString(), attempt.elapsedMillis(), sense,
                certificates, List.of());
    }
}
