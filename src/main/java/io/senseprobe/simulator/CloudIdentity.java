package io.senseprobe.simulator;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** The simulated tenant and its API key user; random per simulator run. */
record CloudIdentity(String tenantId, String userId, String subject, Instant createdAt) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    static CloudIdentity random() {
        return new CloudIdentity(alphanumeric(32), hex(12), "auth0|" + hex(32),
                Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String alphanumeric(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return s.toString();
    }
}
