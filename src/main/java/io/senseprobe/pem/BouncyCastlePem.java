package io.senseprobe.pem;

import io.senseprobe.result.Category;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.EncryptionException;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The PEM forms the JDK cannot read: legacy encrypted (Proc-Type: 4,ENCRYPTED) and encrypted PKCS#8 keys, SEC1 EC
 * keys and anything else unusual, parsed with Bouncy Castle. Its own class, so that its ~600 classes load only for
 * such a file (see {@link PemReader}). Errors name the file and the fix, never the passphrase.
 */
final class BouncyCastlePem {
    // JDK providers lack the legacy PEM ciphers; handing BC to the builders avoids a global Security.addProvider
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private BouncyCastlePem() {
    }

    static List<X509Certificate> parseCertificates(String pem, Path file, String what) throws PemException {
        List<X509Certificate> certs = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    certs.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw PemReader.notPem(file, what, "CERTIFICATE");
        }
        if (certs.isEmpty()) {
            throw PemReader.notPem(file, what, "CERTIFICATE");
        }
        return certs;
    }

    static PrivateKey parsePrivateKey(String pem, Path file, String passphrase) throws PemException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader reader = new StringReader(pem); PEMParser parser = new PEMParser(reader)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMEncryptedKeyPair encrypted) {
                    requirePassphrase(file, passphrase);
                    try {
                        return converter.getKeyPair(encrypted.decryptKeyPair(
                                new JcePEMDecryptorProviderBuilder().setProvider(BC).build(passphrase.toCharArray())))
                                .getPrivate();
                    } catch (EncryptionException e) {
                        throw wrongPassphrase(file);
                    }
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    requirePassphrase(file, passphrase);
                    KeyDerivationLimits.check(encrypted.getEncryptionAlgorithm(), file);
                    try {
                        return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC)
                                        .build(passphrase.toCharArray())));
                    } catch (PKCSException e) {
                        throw wrongPassphrase(file);
                    }
                }
            }
        } catch (PemException e) {
            throw e;
        } catch (Exception e) {
            // a wrong passphrase on a legacy key often surfaces as garbage ASN.1 rather than EncryptionException
            if (passphrase != null && pem.contains("ENCRYPTED")) {
                throw wrongPassphrase(file);
            }
            throw PemReader.notPem(file, "Client key file", "PRIVATE KEY");
        }
        throw PemReader.notPem(file, "Client key file", "PRIVATE KEY");
    }

    private static void requirePassphrase(Path file, String passphrase) throws PemException {
        if (passphrase == null || passphrase.isEmpty()) {
            throw new PemException(Category.KEY_PASSPHRASE, "Client key file " + file + " is encrypted and no passphrase was given.",
                    "Set auth-cert-key-passphrase (--auth-cert-key-passphrase) to the password chosen when the certificates were exported from the QMC.");
        }
    }

    private static PemException wrongPassphrase(Path file) {
        return new PemException(Category.KEY_PASSPHRASE, "The passphrase does not decrypt client key file " + file + ".",
                "Check auth-cert-key-passphrase: it is the password chosen when the certificates were exported from the QMC.");
    }
}
