package io.senseprobe.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A certificate seen during a check: ours (client) or the server's, even when it failed validation. */
@JsonPropertyOrder({"role", "subject", "notAfter", "daysLeft", "names"})
public record CertificateInfo(String role, String subject, String notAfter, long daysLeft, List<String> names) {

    public static final String CLIENT = "client";
    public static final String SERVER = "server";
    public static final String CHAIN = "chain";
    public static final String ROOT = "root";

    public static CertificateInfo of(String role, X509Certificate cert, Instant now) {
        Instant notAfter = cert.getNotAfter().toInstant();
        return new CertificateInfo(role, cert.getSubjectX500Principal().getName(), notAfter.toString(),
                Duration.between(now, notAfter).toDays(), CertificateNames.of(cert));
    }
}
