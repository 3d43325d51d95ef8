package io.senseprobe.pem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as a certificate file and as a client key file: the reader returns certificates or a key, or throws
 * {@link PemException} naming the file with a fix, never another exception and never the passphrase. The inputs
 * under {@code PemReaderFuzzTestInputs/<method>/} hold every PEM form the reader knows (PKCS#1, PKCS#8, SEC1, legacy
 * encrypted, PBKDF2, scrypt and PKCS#12 encrypted PKCS#8, chains, OpenSSL's text before the block); the encrypted ones
 * use {@link #PASSPHRASE}.
 */
class PemReaderFuzzTest {
    static final String PASSPHRASE = "fuzz-passphrase";
    @TempDir
    static Path folder;

    @FuzzTest(maxDuration = "30s")
    void certificates(byte[] content) throws IOException {
        Path file = write(content);
        try {
            assertFalse(PemReader.readCertificates(file, "Client certificate file").isEmpty());
        } catch (PemException e) {
            assertClear(e, file);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void privateKey(byte[] content) throws IOException {
        Path file = write(content);
        for (String passphrase : new String[] {null, PASSPHRASE}) {
            try {
                assertNotNull(PemReader.readPrivateKey(file, passphrase));
            } catch (PemException e) {
                assertClear(e, file);
            }
        }
    }

    private static Path write(byte[] content) throws IOException {
        Path file = folder.resolve("fuzz.pem");
        Files.write(file, content);
        return file;
    }

    private static void assertClear(PemException e, Path file) {
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains(PASSPHRASE) || e.fix().contains(PASSPHRASE), e.getMessage());
        assertFalse(e.fix() == null || e.fix().isBlank(), e.getMessage());
        assertNotNull(e.category());
    }
}
