package io.senseprobe.pem;

import io.senseprobe.result.Category;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBEParameter;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The cost an encrypted PKCS#8 key asks for before its passphrase is tried: the file chooses the iteration count of
 * PBKDF2 (or PKCS#12/PKCS#5 v1 PBE) and scrypt's N, r and p, and a hostile or broken file can ask for billions of
 * iterations or gigabytes, which would stall the check or exhaust the memory. OpenSSL's defaults (2,048 or
 * 600,000 iterations; scrypt N=16384, r=8, p=1) are far below the limits.
 */
final class KeyDerivationLimits {
    static final long MOST_ITERATIONS = 1_000_000;
    /** scrypt's memory is 128·N·r bytes; OpenSSL itself refuses more than 32 MiB by default. */
    static final long MOST_SCRYPT_MEMORY = 64L * 1024 * 1024;
    /** scrypt's time grows with N·r·p. */
    static final long MOST_SCRYPT_WORK = 1L << 24;
    private static final String REEXPORT = "Export the key again with the usual cost (openssl pkcs8 -topk8 -v2 aes-256-cbc), "
            + "or unencrypted in a file only the user that runs sense-probe can read.";

    private KeyDerivationLimits() {
    }

    static void check(AlgorithmIdentifier encryption, Path file) throws PemException {
        ASN1ObjectIdentifier scheme = encryption.getAlgorithm();
        ASN1Encodable parameters = encryption.getParameters();
        if (PKCSObjectIdentifiers.id_PBES2.equals(scheme)) {
            KeyDerivationFunc kdf = PBES2Parameters.getInstance(parameters).getKeyDerivationFunc();
            if (PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
                iterations(PBKDF2Params.getInstance(kdf.getParameters()).getIterationCount(), file);
            } else if (MiscObjectIdentifiers.id_scrypt.equals(kdf.getAlgorithm())) {
                scrypt(ScryptParams.getInstance(kdf.getParameters()), file);
            }
        } else if (scheme.on(PKCSObjectIdentifiers.pkcs_12PbeIds)) {
            iterations(PKCS12PBEParams.getInstance(parameters).getIterations(), file);
        } else if (scheme.on(PKCSObjectIdentifiers.pkcs_5)) {
            iterations(PBEParameter.getInstance(parameters).getIterationCount(), file);
        }
    }

    private static void iterations(BigInteger count, Path file) throws PemException {
        if (count.signum() <= 0 || count.compareTo(BigInteger.valueOf(MOST_ITERATIONS)) > 0) {
            throw tooCostly(file, "asks for " + count + " iterations of its key derivation; sense-probe allows 1 to "
                    + String.format(Locale.ROOT, "%,d", MOST_ITERATIONS));
        }
    }

    private static void scrypt(ScryptParams p, Path file) throws PemException {
        BigInteger n = p.getCostParameter();
        BigInteger r = p.getBlockSize();
        BigInteger parallel = p.getParallelizationParameter();
        if (n.signum() <= 0 || r.signum() <= 0 || parallel.signum() <= 0
                || n.multiply(r).shiftLeft(7).compareTo(BigInteger.valueOf(MOST_SCRYPT_MEMORY)) > 0
                || n.multiply(r).multiply(parallel).compareTo(BigInteger.valueOf(MOST_SCRYPT_WORK)) > 0) {
            throw tooCostly(file, "asks for scrypt with N=" + n + ", r=" + r + ", p=" + parallel
                    + "; sense-probe allows at most 64 MiB (128·N·r bytes) and N·r·p up to 16,777,216");
        }
    }

    private static PemException tooCostly(Path file, String what) {
        return new PemException(Category.CERT_FILE, "Client key file " + file + " " + what + ".", REEXPORT);
    }
}
