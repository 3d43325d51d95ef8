package io.senseprobe.definition;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Just enough PEM for the loader's checks: one self-signed certificate serves as client.pem and root.pem.
 * Kept tiny on purpose; swap for io.senseprobe.simulator.Pki once that exists.
 */
final class TestPem {
    private static KeyPair keyPair;
    private static X509Certificate certificate;

    private TestPem() {
    }

    /** Writes client.pem, client_key.pem (legacy-encrypted when a passphrase is given) and root.pem into {@code folder}. */
    static void writeSiteFiles(Path folder, String passphrase) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("client.pem"), pem(certificate(), null));
        Files.writeString(folder.resolve("root.pem"), pem(certificate(), null));
        Files.writeString(folder.resolve("client_key.pem"), pem(keyPair.getPrivate(), passphrase));
    }

    private static synchronized X509Certificate certificate() throws GeneralSecurityException, OperatorCreationException {
        if (certificate == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keyPair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=sense-probe-test");
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(30, ChronoUnit.DAYS)), subject, keyPair.getPublic());
            certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
        }
        return certificate;
    }

    private static String pem(Object object, String passphrase) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (passphrase == null) {
                writer.writeObject(object);
            } else {
                // legacy "Proc-Type: 4,ENCRYPTED" like an OpenSSL-exported key with a password
                writer.writeObject(object, new JcePEMEncryptorBuilder("AES-256-CBC")
                        .setProvider(new BouncyCastleProvider()).build(passphrase.toCharArray()));
            }
        }
        return text.toString();
    }
}
