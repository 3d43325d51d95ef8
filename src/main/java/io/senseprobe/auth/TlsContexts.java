package io.senseprobe.auth;

import io.senseprobe.definition.AuthType;
import io.senseprobe.definition.Definition;
import io.senseprobe.pem.PemException;
import io.senseprobe.pem.PemReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and caches the TLS context of each credential from its PEM files.
 * secure: cert mode trusts exactly root.pem; jwt and apikey trust the JVM store plus root.pem when given.
 * insecure: trusts every server and skips the host name check.
 * The files are read on every call: the cache key is their content, so rotated files are picked up. Contexts not
 * used for {@link #UNUSED_FOR} are dropped, so the cache follows the inventory as files rotate and connections go.
 * secure: false is logged once per connection name for the life of this object (the service's), however often its
 * context is rebuilt (rotated files, a rebuild after the unused-sweep).
 * Every connection speaks TLS 1.3 or 1.2 only ({@link #PROTOCOLS}): its users set them on each socket or client.
 */
public final class TlsContexts {
    private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);
    static final Duration UNUSED_FOR = Duration.ofHours(1);
    private static final long SWEEP_EVERY_NANOS = Duration.ofMinutes(1).toNanos();
    /** The only protocols a check offers: TLS 1.1 and older are refused even where the JVM would allow them. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private static final class Cached {
        final TlsMaterial material;
        volatile long lastUsedNanos;

        Cached(TlsMaterial material, long now) {
            this.material = material;
            this.lastUsedNanos = now;
        }
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Set<String> warnedInsecure = ConcurrentHashMap.newKeySet();
    private final LongSupplier nanoTime;
    private final AtomicLong nextSweep;

    public TlsContexts() {
        this(System::nanoTime);
    }

    /** {@code nanoTime}: the clock of the unused-sweep (tests pass their own to let an hour go by). */
    TlsContexts(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.nextSweep = new AtomicLong(nanoTime.getAsLong() + SWEEP_EVERY_NANOS);
    }

    public TlsMaterial forDefinition(Definition d) throws PemException {
        boolean cert = d.authType() == AuthType.CERT;
        String certPem = cert ? PemReader.readText(d.certFile(), "Client certificate file") : "";
        String keyPem = cert ? PemReader.readText(d.keyFile(), "Client key file") : "";
        String rootPem = d.rootCertFile() != null ? PemReader.readText(d.rootCertFile(), "Root certificate file") : "";
        String key = "tls-" + hash(d.authType().id(), String.valueOf(d.secure()), certPem, keyPem, rootPem,
                d.keyPassphrase() == null ? "" : d.keyPassphrase().reveal());
        long now = nanoTime.getAsLong();
        sweepUnused(now);
        Cached cached = cache.get(key);
        if (cached == null) {
            Cached built = new Cached(build(d, key, certPem, keyPem, rootPem), now);
            Cached raced = cache.putIfAbsent(key, built);
            cached = raced == null ? built : raced;
        }
        cached.lastUsedNanos = now;
        // by name, not by context: connections with the same files share one context, and each is told
        if (!d.secure() && warnedInsecure.add(d.name())) {
            LOG.warn("Connection {}: secure is false, so the server certificate and host name are not verified.", d.name());
        }
        return cached.material;
    }

    /** The protocols of {@link #PROTOCOLS} on the context's default parameters: for clients that take SSLParameters. */
    public static SSLParameters parameters(SSLContext context) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS.toArray(String[]::new));
        return parameters;
    }

    /** How many TLS contexts are cached (tests: the cache follows the inventory, it does not grow per check). */
    public int size() {
        return cache.size();
    }

    private void sweepUnused(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_EVERY_NANOS)) {
            cache.values().removeIf(c -> now - c.lastUsedNanos > UNUSED_FOR.toNanos());
        }
    }

    private TlsMaterial build(Definition d, String name, String certPem, String keyPem, String rootPem) throws PemException {
        List<X509Certificate> chain = List.of();
        KeyManager[] keyManagers = null;
        if (d.authType() == AuthType.CERT) {
            chain = PemReader.parseCertificates(certPem, d.certFile(), "Client certificate file");
            PrivateKey key = PemReader.parsePrivateKey(keyPem, d.keyFile(), d.keyPassphrase() == null ? null : d.keyPassphrase().reveal());
            keyManagers = new KeyManager[] {
                new ObservingKeyManager(key, chain.toArray(X509Certificate[]::new))};
        }
        List<X509Certificate> roots = rootPem.isEmpty() ? List.of()
                : PemReader.parseCertificates(rootPem, d.rootCertFile(), "Root certificate file");
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, new TrustManager[] {trustManager(d, roots)}, null);
            return new TlsMaterial(name, context, d.secure(), chain, roots);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw PemException.certFile("The certificates of connection " + d.name()
                    + " cannot be used for TLS: " + e.getMessage() + ".", "Export the certificates again from the QMC.");
        }
    }

    private ObservingTrustManager trustManager(Definition d, List<X509Certificate> roots)
            throws GeneralSecurityException, java.io.IOException {
        if (!d.secure()) {
            return new ObservingTrustManager(List.of());
        }
        List<X509TrustManager> delegates = new ArrayList<>();
        if (!roots.isEmpty()) {
            delegates.add(trusting(roots));
        }
        if (d.authType() != AuthType.CERT || roots.isEmpty()) {
            delegates.add(jvmDefault());
        }
        return new ObservingTrustManager(delegates);
    }

    private static X509TrustManager trusting(List<X509Certificate> roots) throws GeneralSecurityException, java.io.IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < roots.size(); i++) {
            store.setCertificateEntry("root-" + i, roots.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return firstX509(factory);
    }

    private static X509TrustManager jvmDefault() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return firstX509(factory);
    }

    private static X509TrustManager firstX509(TrustManagerFactory factory) {
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X509TrustManager in " + factory.getAlgorithm());
    }

    private static String hash(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
