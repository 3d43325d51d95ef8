package io.senseprobe.pem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.senseprobe.result.Category;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEM files no QMC writes: too large, binary, a device, a file of BEGIN lines, and encrypted keys that ask for
 * billions of key-derivation iterations or gigabytes of scrypt memory. Each is a {@link PemException} naming the file
 * and the fix, and returns at once. The timeouts only turn a hang (the bug these tests guard against) into a failure;
 * they are minutes, not a speed target.
 */
@Timeout(120)
class PemReaderLimitsTest {
    private static final String PASSPHRASE = "limits-passphrase";

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static void assertProblem(PemException e, Category category, String message, String fix) {
        assertEquals(category, e.category());
        assertEquals(message, e.getMessage());
        assertEquals(fix, e.fix());
    }

    @Test
    void aFileOverOneMebibyteIsRefusedUnread() throws Exception {
        Path file = write("client.pem", ("#".repeat(1024 * 1024) + "\n").getBytes(StandardCharsets.US_ASCII));
        PemException e = assertThrows(PemException.class, () -> PemReader.readCertificates(file, "Client certificate file"));
        assertProblem(e, Category.CERT_FILE, "Client certificate file " + file + " is larger than 1 MiB, far more than a PEM file of certificates or a key holds.",
                "Check that the option points at the PEM file itself.");
    }

    @Test
    void aBinaryFileIsNotPemText() throws Exception {
        Path file = write("client.der", new byte[] {0x30, (byte) 0x82, 0x01, 0x0A, (byte) 0xFF, 0x00});
        PemException e = assertThrows(PemException.class, () -> PemReader.readPrivateKey(file, null));
        assertEquals("Client key file " + file + " is not a PEM text file (it holds bytes that are not ASCII: DER, PKCS#12 or another binary file?).",
                e.getMessage());
    }

    @Test
    void aDeviceOrAFolderIsNotOpened() {
        PemException device = assertThrows(PemException.class, () -> PemReader.readCertificates(Path.of("/dev/zero"), "Root certificate file"));
        assertProblem(device, Category.CERT_FILE, "Root certificate file /dev/zero is a device or a pipe, not a PEM file.", "Point the option at the PEM file itself.");
        PemException folder = assertThrows(PemException.class, () -> PemReader.readCertificates(dir, "Root certificate file"));
        assertEquals("Root certificate file " + dir + " is a folder, not a PEM file.", folder.getMessage());
    }

    @Test
    void aMebibyteOfBeginLinesWithoutEndIsReadInOnePass() throws Exception {
        String line = "-----BEGIN CERTIFICATE-----\n";
        Path file = write("client.pem", line.repeat(1024 * 1024 / line.length()).getBytes(StandardCharsets.US_ASCII));
        PemException e = assertThrows(PemException.class, () -> PemReader.readCertificates(file, "Client certificate file"));
        assertEquals("Client certificate file " + file + " holds no PEM CERTIFICATE.", e.getMessage());
        String keyLine = "-----BEGIN PRIVATE KEY-----\nMIIB\n";
        Path key = write("client_key.pem", keyLine.repeat(1024 * 1024 / keyLine.length()).getBytes(StandardCharsets.US_ASCII));
        assertEquals("Client key file " + key + " holds no PEM PRIVATE KEY.",
                assertThrows(PemException.class, () -> PemReader.readPrivateKey(key, null)).getMessage());
    }

    @Test
    void pbkdf2WithBillionsOfIterationsIsRefusedBeforeDeriving() throws Exception {
        PBKDF2Params kdf = new PBKDF2Params(new byte[8], Integer.MAX_VALUE,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE));
        Path file = encryptedKey(pbes2(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, kdf)));
        PemException e = assertThrows(PemException.class, () -> PemReader.readPrivateKey(file, PASSPHRASE));
        assertProblem(e, Category.CERT_FILE, "Client key file " + file + " asks for 2147483647 iterations of its key derivation; sense-probe allows 1 to 1,000,000.",
                "Export the key again with the usual cost (openssl pkcs8 -topk8 -v2 aes-256-cbc), or unencrypted in a file only the user that runs sense-probe can read.");
    }

    @Test
    void scryptAskingForGigabytesIsRefusedBeforeDeriving() throws Exception {
        ScryptParams gigabyte = new ScryptParams(new byte[8], BigInteger.ONE.shiftLeft(20), BigInteger.valueOf(8), BigInteger.ONE, BigInteger.valueOf(32));
        Path file = encryptedKey(pbes2(new KeyDerivationFunc(MiscObjectIdentifiers.id_scrypt, gigabyte)));
        PemException e = assertThrows(PemException.class, () -> PemReader.readPrivateKey(file, PASSPHRASE));
        assertEquals("Client key file " + file + " asks for scrypt with N=1048576, r=8, p=1; sense-probe allows at most 64 MiB (128·N·r bytes) and N·r·p up to 16,777,216.",
                e.getMessage());
        ScryptParams slow = new ScryptParams(new byte[8], BigInteger.ONE.shiftLeft(14), BigInteger.valueOf(8), BigInteger.valueOf(1 << 20), BigInteger.valueOf(32));
        Path slowFile = encryptedKey(pbes2(new KeyDerivationFunc(MiscObjectIdentifiers.id_scrypt, slow)));
        assertThrows(PemException.class, () -> PemReader.readPrivateKey(slowFile, PASSPHRASE));
    }

    @Test
    void pkcs12PbeWithBillionsOfIterationsIsRefused() throws Exception {
        Path file = encryptedKey(new AlgorithmIdentifier(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                new PKCS12PBEParams(new byte[8], Integer.MAX_VALUE)));
        PemException e = assertThrows(PemException.class, () -> PemReader.readPrivateKey(file, PASSPHRASE));
        assertEquals("Client key file " + file + " asks for 2147483647 iterations of its key derivation; sense-probe allows 1 to 1,000,000.", e.getMessage());
    }

    private static AlgorithmIdentifier pbes2(KeyDerivationFunc kdf) {
        ASN1Encodable scheme = new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(new byte[16]));
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, new PBES2Parameters(kdf, EncryptionScheme.getInstance(scheme)));
    }

    /** An encrypted PKCS#8 key whose ciphertext is zeros: the cost is asked for before anything is decrypted. */
    private Path encryptedKey(AlgorithmIdentifier encryption) throws Exception {
        byte[] der = new EncryptedPrivateKeyInfo(encryption, new byte[64]).getEncoded();
        String pem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END ENCRYPTED PRIVATE KEY-----\n";
        return write("client_key.pem", pem.getBytes(StandardCharsets.US_ASCII));
    }
}
