package io.senseprobe.simulator;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * A client certificate and key issued by {@link SenseSimulator#issueClientCredential}.
 *
 * @param fingerprint lower-case hex SHA-256 of the certificate, as {@link RecordedRequest#clientCertFingerprint()}
 */
public record ClientCredential(Path certFile, Path keyFile, String fingerprint) {

    static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
