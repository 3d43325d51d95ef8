package io.senseprobe.check;

import io.senseprobe.auth.TlsMaterial;
import io.senseprobe.definition.AuthType;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.Secret;
import io.senseprobe.definition.TokenClaims;
import io.senseprobe.result.Category;
import io.senseprobe.result.CertificateInfo;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.CredentialInfo;
import io.senseprobe.result.ExpiryItem;
import io.senseprobe.result.ExpiryWarnings;
import io.senseprobe.result.Status;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a finished attempt into the result record, with the end dates of everything the check used: the client
 * certificate and its chain, root.pem, the server's certificate (whenever the handshake showed it), the JWT or API
 * key. An OK check with one of them inside {@code sense.expiry.warn-days} is a warning; expired local material
 * fails the check before it connects ({@link #expiredBeforeConnecting}).
 */
public record ResultFactory(Clock clock, ExpiryWarnings expiry) {
    public ResultFactory(Clock clock) {
        this(clock, ExpiryWarnings.DEFAULT);
    }

    public CheckResult ok(CheckAttempt attempt, Map<String, Object> sense) {
        return expiry.apply(build(attempt, Status.OK, Category.OK, attempt.check().okMessage(attempt.definition(), sense), "", sense));
    }

    public CheckResult failed(CheckAttempt attempt, Category category, String message, String hint) {
        return found(attempt, Status.FAILED, category, message, hint, Map.of());
    }

    /**
     * The {@code credential-expired} result when the client certificate or its chain, root.pem, the JWT or the API
     * key has passed its end date: no request is sent with material the server must refuse.
     */
    public Optional<CheckResult> expiredBeforeConnecting(CheckAttempt attempt) {
        Instant now = clock.instant();
        Definition d = attempt.definition();
        return ExpiryItem.all(localCertificates(attempt.tls(), now), credentials(d, now)).stream()
                .filter(item -> !item.expiresAt().isAfter(now))
                .findFirst()
                .map(item -> failed(attempt, Category.CREDENTIAL_EXPIRED,
                        item.expired() + " (" + source(d, item) + ")", item.renewal()));
    }

    /** A warning or a failure a check found in a good answer, with what the answer said. */
    public CheckResult found(CheckAttempt attempt, Status status, Category category, String message, String hint,
            Map<String, Object> sense) {
        return build(attempt, status, category, message, hint == null ? category.defaultHint() : hint, sense);
    }

    private CheckResult build(CheckAttempt attempt, Status status, Category category, String message, String hint,
            Map<String, Object> sense) {
        attempt.finish();
        Instant now = clock.instant();
        Definition d = attempt.definition();
        List<CertificateInfo> certificates = localCertificates(attempt.tls(), now);
        X509Certificate server = attempt.tlsSeen().serverCertificate();
        if (server != null) {
            certificates.add(CertificateInfo.of(CertificateInfo.SERVER, server, now));
        }
        return new CheckResult(d.name(), attempt.check().id(), d.target().id(), d.host(), attempt.port(), d.authType().id(),
                status, category, message, hint, attempt.startedAt().toString(), attempt.elapsedMillis(), sense,
                certificates, credentials(d, now));
    }

    /** The client certificate, the rest of its chain, root.pem's certificates: once the files have been read. */
    private static List<CertificateInfo> localCertificates(TlsMaterial tls, Instant now) {
        List<CertificateInfo> certificates = new ArrayList<>();
        if (tls == null) {
            return certificates;
        }
        for (int i = 0; i < tls.clientChain().size(); i++) {
            certificates.add(CertificateInfo.of(i == 0 ? CertificateInfo.CLIENT : CertificateInfo.CHAIN,
                    tls.clientChain().get(i), now));
        }
        tls.roots().forEach(root -> certificates.add(CertificateInfo.of(CertificateInfo.ROOT, root, now)));
        return certificates;
    }

    private static List<CredentialInfo> credentials(Definition d, Instant now) {
        String kind = d.authType() == AuthType.JWT ? CredentialInfo.JWT : d.authType() == AuthType.APIKEY ? CredentialInfo.APIKEY : null;
        if (kind == null) {
            return List.of();
        }
        Secret token = kind.equals(CredentialInfo.JWT) ? d.jwt() : d.apikey();
        return TokenClaims.expiry(token == null ? null : token.reveal())
                .map(exp -> List.of(CredentialInfo.of(kind, exp, now))).orElse(List.of());
    }

    // which key of the definition holds it, and the file for certificates (never a token's value)
    private static String source(Definition d, ExpiryItem item) {
        Path file = switch (item.role()) {
            case CertificateInfo.CLIENT, CertificateInfo.CHAIN -> d.certFile();
            case CertificateInfo.ROOT -> d.rootCertFile();
            default -> null;
        };
        return item.definitionKey() + (file == null ? "" : ": " + file);
    }
}
