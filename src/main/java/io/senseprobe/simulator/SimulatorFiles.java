package io.senseprobe.simulator;

import java.nio.file.Path;

/**
 * The files a simulator writes into its folder, with absolute paths. The first three carry the QMC export names.
 * Encrypted keys use {@link SenseSimulator#KEY_PASSPHRASE}.
 */
public record SimulatorFiles(
        Path dir,
        Path clientCert,
        Path clientKey,
        Path rootCert,
        Path clientKeyPkcs8,
        Path clientKeyLegacyEncrypted,
        Path clientKeyPkcs8Encrypted,
        Path otherCaClientCert,
        Path otherCaClientKey,
        Path otherCaRootCert,
        Path jwtSigningCert,
        Path jwtSigningKey,
        Path connectionsDir) {

    static SimulatorFiles in(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        Path other = dir.resolve("other-ca");
        Path jwt = dir.resolve("jwt");
        return new SimulatorFiles(dir,
                dir.resolve("client.pem"), dir.resolve("client_key.pem"), dir.resolve("root.pem"),
                dir.resolve("client_key_pkcs8.pem"), dir.resolve("client_key_legacy_encrypted.pem"),
                dir.resolve("client_key_pkcs8_encrypted.pem"),
                other.resolve("client.pem"), other.resolve("client_key.pem"), other.resolve("root.pem"),
                jwt.resolve("jwt_signing_cert.pem"), jwt.resolve("jwt_signing_key.pem"),
                dir.resolve("connections"));
    }
}
