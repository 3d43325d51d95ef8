package io.senseprobe.simulator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test PKI with Bouncy Castle: a CA, server and client certificates signed by it (RSA 2048 keys, or EC P-256 for
 * the many extra clients), and PEM files in every form a QMC export (or an admin with openssl) produces.
 * Errors are unchecked: this is test and simulator tooling.
 */
public final class Pki {
    /** Subject CN of the client certificate in a QMC export. */
    public static final String QLIK_CLIENT_CN = "QlikClient";

    // handed to the builders that need it; never registered globally
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Pki() {
    }

    /** A certificate authority: its self-signed certificate and its key pair. */
    public record Ca(X509Certificate cert, KeyPair keys) {
        public String subject() {
            return cert.getSubjectX500Principal().getName();
        }
    }

    /** A certificate issued by a {@link Ca}, its key pair and the CA certificate that signed it. */
    public record Issued(X509Certificate cert, KeyPair keys, X509Certificate issuer) {
        public PrivateKey privateKey() {
            return keys.getPrivate();
        }

        /** Leaf first, then the issuing CA: what a server presents. */
        public X509Certificate[] chain() {
            return new X509Certificate[] {cert, issuer};
        }
    }

    public static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key pair", e);
        }
    }

    /** An EC P-256 key pair: made in a millisecond, where RSA 2048 takes tens. */
    public static KeyPair newEcKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an EC key pair", e);
        }
    }

    /** A self-signed CA with a fresh key, valid from an hour ago for ten years. */
    public static Ca newCa(String commonName) {
        return newCa(commonName, newRsaKeyPair());
    }

    public static Ca newCa(String commonName, KeyPair keys) {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=" + commonName);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(name, name, keys.getPublic(), now.minus(Duration.ofHours(1)),
                    now.plus(Duration.ofDays(3650)))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new Ca(sign(builder, keys.getPrivate()), keys);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create CA " + commonName, e);
        }
    }

    /** A TLS server certificate (CN = first DNS name) with the given DNS and IP subject alternative names. */
    public static Issued serverCert(Ca ca, KeyPair keys, List<String> dnsNames, List<String> ipAddresses,
            Instant notBefore, Instant notAfter) {
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
        ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        String cn = dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
        return issue(ca, keys, cn, KeyPurposeId.id_kp_serverAuth, new GeneralNames(names.toArray(GeneralName[]::new)),
                notBefore, notAfter);
    }

    /** A server certificate valid from an hour ago for a year. */
    public static Issued serverCert(Ca ca, KeyPair keys, List<String> dnsNames, List<String> ipAddresses) {
        Instant now = Instant.now();
        return serverCert(ca, keys, dnsNames, ipAddresses, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
    }

    /** A TLS client certificate with subject CN=commonName, valid from an hour ago for a year. */
    public static Issued clientCert(Ca ca, KeyPair keys, String commonName) {
        Instant now = Instant.now();
        return issue(ca, keys, commonName, KeyPurposeId.id_kp_clientAuth, null, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(365)));
    }

    /** A TLS client certificate with subject CN=commonName, valid from an hour before {@code notAfter} at the latest. */
    public static Issued clientCert(Ca ca, KeyPair keys, String commonName, Instant notAfter) {
        Instant notBefore = earlier(Instant.now().minus(Duration.ofHours(1)), notAfter.minus(Duration.ofHours(1)));
        return issue(ca, keys, commonName, KeyPurposeId.id_kp_clientAuth, null, notBefore, notAfter);
    }

    /**
     * The CA's certificate issued again with the same name, key and serial but another end date: still the trust anchor of
     * everything the CA signed (trust goes by name and key), as when a site's root certificate is renewed.
     */
    public static Ca reissued(Ca ca, Instant notAfter) {
        X500Name name = new X500Name(ca.subject());
        Instant notBefore = earlier(Instant.now().minus(Duration.ofHours(1)), notAfter.minus(Duration.ofHours(1)));
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            // the same serial too: the certificates the CA issued name it (with its name) as their authority key
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, ca.cert().getSerialNumber(),
                    Date.from(notBefore), Date.from(notAfter), name, ca.keys().getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(ca.keys().getPublic()));
            return new Ca(sign(builder, ca.keys().getPrivate()), ca.keys());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot re-issue CA " + ca.subject(), e);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A client certificate like the QMC export: CN=QlikClient. */
    public static Issued clientCert(Ca ca, KeyPair keys) {
        return clientCert(ca, keys, QLIK_CLIENT_CN);
    }

    private static Issued issue(Ca ca, KeyPair keys, String cn, KeyPurposeId purpose, GeneralNames sans,
            Instant notBefore, Instant notAfter) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(new X500Name(ca.subject()), new X500Name("CN=" + cn),
                    keys.getPublic(), notBefore, notAfter)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage(keys.getPublic())))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca.cert()));
            if (sans != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, sans);
            }
            return new Issued(sign(builder, ca.keys().getPrivate()), keys, ca.cert());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot issue certificate CN=" + cn, e);
        }
    }

    // an EC key only signs (RFC 5480): keyEncipherment is for RSA key transport
    private static int keyUsage(PublicKey key) {
        return key instanceof RSAPublicKey ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature;
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Instant notBefore,
            Instant notAfter) {
        BigInteger serial = new BigInteger(64, RANDOM).add(BigInteger.ONE);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notAfter), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) throws GeneralSecurityException {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withRSA").build(signer);
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    // ---- PEM ------------------------------------------------------------------------------------------

    /** Certificates as PEM, one block after the other (a chain in one file). */
    public static String certificatesPem(X509Certificate... certs) {
        return pem(writer -> {
            for (X509Certificate cert : certs) {
                writer.writeObject(cert);
            }
        });
    }

    /** Unencrypted PKCS#1: {@code BEGIN RSA PRIVATE KEY}, as the QMC exports it. */
    public static String pkcs1Pem(PrivateKey key) {
        return pem(writer -> writer.writeObject(new JcaMiscPEMGenerator(key)));
    }

    /** Unencrypted PKCS#8: {@code BEGIN PRIVATE KEY}. */
    public static String pkcs8Pem(PrivateKey key) {
        return pem(writer -> writer.writeObject(new JcaPKCS8Generator(key, null)));
    }

    /** Legacy OpenSSL encryption of PKCS#1 ({@code Proc-Type: 4,ENCRYPTED}, AES-256-CBC): the QMC export with a password. */
    public static String legacyEncryptedPem(PrivateKey key, String passphrase) {
        return pem(writer -> writer.writeObject(new JcaMiscPEMGenerator(key,
                new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BC).setSecureRandom(RANDOM)
                        .build(passphrase.toCharArray()))));
    }

    /** Encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}, PBES2 with AES-256-CBC). */
    public static String encryptedPkcs8Pem(PrivateKey key, String passphrase) {
        return pem(writer -> {
            try {
                writer.writeObject(new JcaPKCS8Generator(key,
                        new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(BC)
                                .setRandom(RANDOM).setPassword(passphrase.toCharArray()).build()));
            } catch (OperatorCreationException e) {
                throw new IOException(e);
            }
        });
    }

    /** Writes PEM text, creating parent folders; a private key owner-only, as a QMC export should be kept. */
    public static Path write(Path file, String pem) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            if (pem.contains("PRIVATE KEY")) {
                io.senseprobe.files.AtomicFiles.makePrivate(file);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface PemBody {
        void writeTo(JcaPEMWriter writer) throws IOException;
    }

    private static String pem(PemBody body) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            body.writeTo(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
