package io.senseprobe.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.time.Instant;

/**
 * A token of a check with an end date: the JWT's or the Qlik Cloud API key's {@code exp} claim, read from the
 * payload without verifying the signature. Never the token itself.
 */
@JsonPropertyOrder({"kind", "expiresAt", "daysLeft"})
public record CredentialInfo(String kind, String expiresAt, long daysLeft) {
    public static final String JWT = "jwt";
    public static final String APIKEY = "apikey";

    public static CredentialInfo of(String kind, Instant expiresAt, Instant now) {
        return new CredentialInfo(kind, expiresAt.toString(), Duration.between(now, expiresAt).toDays());
    }
}
