package io.senseprobe.result;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * A certificate or credential of a result with its end date, named for messages: what expiry warnings and the
 * {@code credential-expired} failure talk about.
 *
 * @param key  identifies the item across checks (role, subject and end date): a renewed certificate is a new item
 * @param role a {@link CertificateInfo} role or a {@link CredentialInfo} kind
 * @param name the certificate's subject, empty for tokens
 */
public record ExpiryItem(String key, String role, String name, Instant expiresAt, long daysLeft) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public static ExpiryItem of(CertificateInfo c) {
        return new ExpiryItem(c.role() + "|" + c.subject() + "|" + c.notAfter(), c.role(), c.subject(),
                Instant.parse(c.notAfter()), c.daysLeft());
    }

    public static ExpiryItem of(CredentialInfo c) {
        return new ExpiryItem(c.kind() + "|" + c.expiresAt(), c.kind(), "", Instant.parse(c.expiresAt()), c.daysLeft());
    }

    /** Every certificate and credential of a result, in the result's order. */
    public static List<ExpiryItem> all(List<CertificateInfo> certificates, List<CredentialInfo> credentials) {
        return Stream.concat(certificates.stream().map(ExpiryItem::of), credentials.stream().map(ExpiryItem::of)).toList();
    }

    /** e.g. "client certificate CN=QlikClient", "JWT". */
    public String what() {
        String kind = switch (role) {
            case CertificateInfo.CLIENT -> "client certificate";
            case CertificateInfo.CHAIN -> "intermediate certificate of the client certificate";
            case CertificateInfo.ROOT -> "root certificate";
            case CertificateInfo.SERVER -> "server certificate";
            case CredentialInfo.JWT -> "JWT";
            case CredentialInfo.APIKEY -> "API key";
            default -> role;
        };
        return name.isEmpty() ? kind : kind + " " + name;
    }

    /** The definition key that names this item, null for the server's certificate. */
    public String definitionKey() {
        return switch (role) {
            case CertificateInfo.CLIENT, CertificateInfo.CHAIN -> "auth-cert-file";
            case CertificateInfo.ROOT -> "auth-root-cert-file";
            case CredentialInfo.JWT -> "auth-jwt";
            case CredentialInfo.APIKEY -> "apikey";
            default -> null;
        };
    }

    /** "The client certificate CN=QlikClient expires on 2026-12-12 10:00 UTC (10 days left)." */
    public String warning() {
        if (daysLeft < 0) {
            return expired();
        }
        String left = daysLeft == 0 ? "less than a day left" : daysLeft == 1 ? "1 day left" : daysLeft + " days left";
        return "The " + what() + " expires on " + date() + " (" + left + ").";
    }

    public String expired() {
        return "The " + what() + " expired on " + date() + ".";
    }

    /** What to do about it, as a hint. */
    public String renewal() {
        return switch (role) {
            case CertificateInfo.CLIENT, CertificateInfo.CHAIN -> "Export the certificates again from the QMC (Certificates > Export, PEM format) and replace client.pem and client_key.pem (auth-cert-file, auth-cert-key-file).";
            case CertificateInfo.ROOT -> "Export root.pem again from the QMC once the site's CA certificate is renewed, and replace the file auth-root-cert-file names.";
            case CertificateInfo.SERVER -> "Renew the server certificate of the Sense site (or of the proxy in front of it).";
            case CredentialInfo.JWT -> "Issue a new JWT with a later exp and set it as auth-jwt.";
            case CredentialInfo.APIKEY -> "Create a new API key in the Qlik Cloud hub (Profile settings > API keys) and set it as apikey.";
            default -> "Renew it.";
        };
    }

    public String date() {
        return DATE.format(expiresAt);
    }
}
