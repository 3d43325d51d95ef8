package io.senseprobe.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.result.CertificateInfo;
import io.senseprobe.result.CheckResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The days left of what a result saw expire: its certificates (by role) and its credentials (by kind: jwt, apikey).
 * The one place that reads the credentials list; its entries are read by their JSON properties ({@code kind},
 * {@code expiresAt}, {@code daysLeft}), so any record type with those properties fits.
 */
public final class Expiries {
    private static final ObjectMapper JSON = new ObjectMapper();

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
            for (Object credential : result.credentials()) {
                JsonNode node = JSON.valueToTree(credential);
                if (node.hasNonNull("kind") && node.path("daysLeft").isNumber()) {
                    found.add(new Expiry(node.get("kind").asText(), node.hasNonNull("expiresAt")
                            ? node.get("expiresAt").asText() : null, node.get("daysLeft").asLong()));
                }
            }
        }
        return found;
    }
}
