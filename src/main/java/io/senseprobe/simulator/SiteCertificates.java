package io.senseprobe.simulator;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every certificate one simulator run uses, written to disk in the QMC export layout.
 * The two CAs get fresh keys per run (so an export from an earlier run is rejected, like after a Sense
 * re-install); leaf keys are shared within the JVM because RSA key generation is slow.
 */
final class SiteCertificates {
    static final String SITE_CA_CN = "sense-sim-CA";
    static final String OTHER_CA_CN = "other-sense-site-CA";
    /** No IP names on purpose: connecting to 127.0.0.1 must fail the host name check. */
    static final List<String> SERVER_NAMES = List.of("localhost", "sense-sim");

    private static final class SharedKeys {
        static final KeyPair SERVER = Pki.newRsaKeyPair();
        static final KeyPair CLIENT = Pki.newRsaKeyPair();
        static final KeyPair OTHER_CLIENT = Pki.newRsaKeyPair();
        static final KeyPair JWT = Pki.newRsaKeyPair();
    }

    final Pki.Ca siteCa;
    final Pki.Ca otherCa;
    final Pki.Issued server;
    final Pki.Issued expiredServer;
    final Pki.Issued otherCaServer;
    final Pki.Issued client;
    final Pki.Issued otherCaClient;
    /** The certificate configured on the JWT virtual proxy; self-signed. */
    final Pki.Ca jwtSigning;
    /** Signs the "bad signature" JWTs: a key the virtual proxy does not know. */
    final KeyPair strangerKeys = SharedKeys.OTHER_CLIENT;

    SiteCertificates() {
        this(Instant.now().plus(Duration.ofDays(365)));
    }

    /** With the listeners' server certificate ending at {@code serverNotAfter} (the fault listeners' keep theirs). */
    SiteCertificates(Instant serverNotAfter) {
        siteCa = Pki.newCa(SITE_CA_CN);
        otherCa = Pki.newCa(OTHER_CA_CN);
        Instant now = Instant.now();
        server = Pki.serverCert(siteCa, SharedKeys.SERVER, SERVER_NAMES, List.of(), now.minus(Duration.ofHours(1)),
                serverNotAfter);
        expiredServer = Pki.serverCert(siteCa, SharedKeys.SERVER, SERVER_NAMES, List.of(),
                now.minus(Duration.ofDays(366)), now.minus(Duration.ofDays(1)));
        otherCaServer = Pki.serverCert(otherCa, SharedKeys.SERVER, SERVER_NAMES, List.of());
        client = Pki.clientCert(siteCa, SharedKeys.CLIENT);
        otherCaClient = Pki.clientCert(otherCa, SharedKeys.OTHER_CLIENT);
        jwtSigning = Pki.newCa("sense-sim-jwt-signing", SharedKeys.JWT);
    }

    /** The server certificate a listener presents. */
    Pki.Issued serverFor(Listener listener) {
        return switch (listener) {
            case EXPIRED_CERT -> expiredServer;
            case OTHER_CA -> otherCaServer;
            default -> server;
        };
    }

    void writeTo(SimulatorFiles files, String passphrase) {
        Pki.write(files.clientCert(), Pki.certificatesPem(client.cert()));
        Pki.write(files.clientKey(), Pki.pkcs1Pem(client.privateKey()));
        Pki.write(files.rootCert(), Pki.certificatesPem(siteCa.cert()));
        Pki.write(files.clientKeyPkcs8(), Pki.pkcs8Pem(client.privateKey()));
        Pki.write(files.clientKeyLegacyEncrypted(), Pki.legacyEncryptedPem(client.privateKey(), passphrase));
        Pki.write(files.clientKeyPkcs8Encrypted(), Pki.encryptedPkcs8Pem(client.privateKey(), passphrase));
        Pki.write(files.otherCaClientCert(), Pki.certificatesPem(otherCaClient.cert()));
        Pki.write(files.otherCaClientKey(), Pki.pkcs1Pem(otherCaClient.privateKey()));
        Pki.write(files.otherCaRootCert(), Pki.certificatesPem(otherCa.cert()));
        Pki.write(files.jwtSigningCert(), Pki.certificatesPem(jwtSigning.cert()));
        Pki.write(files.jwtSigningKey(), Pki.pkcs8Pem(jwtSigning.keys().getPrivate()));
    }
}
