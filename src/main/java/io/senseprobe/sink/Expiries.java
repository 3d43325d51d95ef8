package io.senseprobe.sink;

import io.senseprobe.result.CertificateInfo;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.CredentialInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The days left of what a result saw expire: its certificates (by role) and its credentials (by kind: jwt, apikey).
 * The metrics and the status page read them here, in one shape.
 */
public final class Expiries {
    /** One item: {@code name} is the certificate's role or the credential's kind; {@code expiresAt} may be null. */
    public record Expiry(String name, String expiresAt, long daysLeft) {
    }

    private Expiries() {
    }

    public static List<Expiry> certificates(CheckResult result) {
        List<Expiry> found = new ArrayList<>();
        if (result.certificates() != null) {
            for (CertificateInfo cert : result.certificates()) {
                if (cert != null && cert.role() != null) {
                    found.add(new Expiry(cert.role(), cert.notAfter(), cert.daysLeft()));
                }
            }
        }
        return found;
    }

    public static List<Expiry> credentials(CheckResult result) {
        List<Expiry> found = new ArrayList<>();
        if (result.credentials() != null) {
            for (CredentialInfo credential : result.credentials()) {
                if (credential != null && credential.kind() != null) {
                    found.add(new Expiry(credential.kind(), credential.expiresAt(), credential.daysLeft()));
                }
            }
        }
        return found;
    }
}
