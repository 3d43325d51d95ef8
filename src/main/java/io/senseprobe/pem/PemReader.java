package io.senseprobe.pem;

import io.senseprobe.files.BoundedFiles;
import io.senseprobe.result.Category;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the QMC export (client.pem, client_key.pem, root.pem): certificate chains and PKCS#1, PKCS#8, legacy
 * encrypted (Proc-Type: 4,ENCRYPTED) and encrypted PKCS#8 keys. The JDK reads the plain forms (X.509
 * certificates, PKCS#8 RSA and EC keys, and the QMC's PKCS#1 RSA key, wrapped as PKCS#8); everything else, and any
 * file the JDK path cannot read, goes to {@link BouncyCastlePem}, whose answer (a key or the error) stands. So a
 * one-shot check with the QMC's plain files never loads Bouncy Castle (~600 classes, a fifth of its start-up).
 * Errors name the file and the fix, never the passphrase.
 */
public final class PemReader {
    private static final Pattern LABEL = Pattern.compile("[A-Z0-9 ]+");
    // DER of the AlgorithmIdentifier OIDs in a PKCS#8 PrivateKeyInfo: rsaEncryption, id-ecPublicKey
    private static final byte[] RSA_OID = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
    private static final byte[] EC_OID = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};

    /** A QMC export is a few KiB; a chain of a hundred certificates fits in 1 MiB. */
    public static final int LARGEST_FILE = BoundedFiles.ONE_MIB;

    private PemReader() {
    }

    /** The file's text: at most {@link #LARGEST_FILE}, ASCII (PEM is base64 between ASCII lines). */
    public static String readText(Path file, String what) throws PemException {
        // a folder, device or pipe is no PEM file, and reading one could block (a FIFO) or have effects (a device)
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new PemException(Category.CERT_FILE, what + " " + file + " is " + (Files.isDirectory(file) ? "a folder" : "a device or a pipe")
                    + ", not a PEM file.", "Point the option at the PEM file itself.");
        }
        try {
            return BoundedFiles.readString(file, LARGEST_FILE, StandardCharsets.US_ASCII);
        } catch (BoundedFiles.TooLargeException e) {
            throw new PemException(Category.CERT_FILE, what + " " + file + " is larger than " + BoundedFiles.size(LARGEST_FILE)
                    + ", far more than a PEM file of certificates or a key holds.", "Check that the option points at the PEM file itself.");
        } catch (CharacterCodingException e) {
            throw new PemException(Category.CERT_FILE, what + " " + file + " is not a PEM text file (it holds bytes that are not ASCII: DER, PKCS#12 or another binary file?).",
                    "Export the certificates from the QMC in PEM format (client.pem, client_key.pem, root.pem) and check that the options point at the right files.");
        } catch (NoSuchFileException e) {
            throw new PemException(Category.CERT_FILE, what + " " + file + " does not exist.",
                    "Export it from the QMC, or point the option at the file.");
        } catch (AccessDeniedException e) {
            throw new PemException(Category.CERT_FILE, what + " " + file + " cannot be read (permission denied).",
                    "Let the user that runs sense-probe read it.");
        } catch (IOException e) {
            throw new PemException(Category.CERT_FILE, what + " " + file + " cannot be read: " + e.getMessage() + ".",
                    "Check the path and the file.");
        }
    }

    public static List<X509Certificate> readCertificates(Path file, String what) throws PemException {
        return parseCertificates(readText(file, what), file, what);
    }

    public static List<X509Certificate> parseCertificates(String pem, Path file, String what) throws PemException {
        Optional<List<X509Certificate>> plain = jdkCertificates(pem);
        return plain.isPresent() ? plain.get() : BouncyCastlePem.parseCertificates(pem, file, what);
    }

    public static PrivateKey readPrivateKey(Path file, String passphrase) throws PemException {
        return parsePrivateKey(readText(file, "Client key file"), file, passphrase);
    }

    public static PrivateKey parsePrivateKey(String pem, Path file, String passphrase) throws PemException {
        Optional<PrivateKey> plain = jdkPrivateKey(pem);
        return plain.isPresent() ? plain.get() : BouncyCastlePem.parsePrivateKey(pem, file, passphrase);
    }

    /** Every block a plain CERTIFICATE the JDK parses; empty for anything else (Bouncy Castle decides then). */
    private static Optional<List<X509Certificate>> jdkCertificates(String pem) {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(pem)) {
                byte[] der = block.label().equals("CERTIFICATE") ? der(block.body()) : null;
                if (der == null) {
                    return Optional.empty();
                }
                certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
        return certs.isEmpty() ? Optional.empty() : Optional.of(certs);
    }

    /** The first key block when it is an unencrypted PKCS#8 (RSA, EC) or PKCS#1 RSA key; empty for anything else. */
    private static Optional<PrivateKey> jdkPrivateKey(String pem) {
        for (Block block : blocks(pem)) {
            String label = block.label();
            if (!label.endsWith("PRIVATE KEY")) {
                continue;
            }
            byte[] der = der(block.body());
            try {
                if (der != null && label.equals("PRIVATE KEY")) {
                    String algorithm = startsWithin(der, RSA_OID) ? "RSA" : startsWithin(der, EC_OID) ? "EC" : null;
                    return algorithm == null ? Optional.empty()
                            : Optional.of(KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der)));
                }
                if (der != null && label.equals("RSA PRIVATE KEY")) {
                    return Optional.of(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8OfRsa(der))));
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A {@code -----BEGIN label-----} ... {@code -----END label-----} block. */
    private record Block(String label, String body) {
    }

    /**
     * The blocks in file order, in one pass: a body holds base64 and headers, never "-----", so the next "-----"
     * after a BEGIN line is its END line or the BEGIN is no block. (A regex that looks for the END from every BEGIN
     * takes minutes on a file of BEGIN lines without END.)
     */
    private static List<Block> blocks(String pem) {
        List<Block> blocks = new ArrayList<>();
        int at = 0;
        while ((at = pem.indexOf("-----BEGIN ", at)) >= 0) {
            int labelStart = at + "-----BEGIN ".length();
            int labelEnd = pem.indexOf("-----", labelStart);
            if (labelEnd < 0) {
                break;
            }
            String label = pem.substring(labelStart, labelEnd);
            if (!LABEL.matcher(label).matches()) {
                at = labelEnd;
                continue;
            }
            int bodyStart = labelEnd + "-----".length();
            int next = pem.indexOf("-----", bodyStart);
            if (next < 0) {
                break;
            }
            String end = "-----END " + label + "-----";
            if (pem.startsWith(end, next)) {
                blocks.add(new Block(label, pem.substring(bodyStart, next)));
                at = next + end.length();
            } else {
                at = next;
            }
        }
        return blocks;
    }

    /** The DER of a block's body; null when it has headers (Proc-Type, DEK-Info: an encrypted key) or is not base64. */
    private static byte[] der(String body) {
        if (body.indexOf(':') >= 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(body.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether {@code oid} occurs in the AlgorithmIdentifier near the start of a PKCS#8 PrivateKeyInfo. */
    private static boolean startsWithin(byte[] der, byte[] oid) {
        for (int i = 0; i + oid.length <= Math.min(der.length, 32); i++) {
            if (Arrays.equals(der, i, i + oid.length, oid, 0, oid.length)) {
                return true;
            }
        }
        return false;
    }

    /** A PKCS#1 RSAPrivateKey as PKCS#8: SEQUENCE { INTEGER 0, SEQUENCE { rsaEncryption, NULL }, OCTET STRING pkcs1 }. */
    private static byte[] pkcs8OfRsa(byte[] pkcs1) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.writeBytes(new byte[] {0x02, 0x01, 0x00, 0x30, 0x0D});
        inner.writeBytes(RSA_OID);
        inner.writeBytes(new byte[] {0x05, 0x00});
        inner.write(0x04);
        inner.writeBytes(derLength(pkcs1.length));
        inner.writeBytes(pkcs1);
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        outer.write(0x30);
        outer.writeBytes(derLength(inner.size()));
        outer.writeBytes(inner.toByteArray());
        return outer.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }

    static PemException notPem(Path file, String what, String block) {
        return new PemException(Category.CERT_FILE, what + " " + file + " holds no PEM " + block + ".",
                "Export the certificates from the QMC in PEM format (client.pem, client_key.pem, root.pem) and check that the options point at the right files.");
    }
}
