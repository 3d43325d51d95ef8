package io.senseprobe.auth;

import io.senseprobe.definition.AuthType;
import io.senseprobe.definition.Definition;
import io.senseprobe.result.Category;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and caches the TLS context of each connection from its PEM files.
 * secure: cert mode trusts exactly root.pem; jwt and apikey trust the JVM store plus root.pem when given.
 * insecure: trusts every server (the host name check is switched off by the verifier, see {@link AuthProcessor}).
 * The files are read on every call: the cache key is their content, so rotated files are picked up.
 */
public final class TlsContexts {
    private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);

    private final CamelContext camelContext;
    private final TlsObservations observations = new TlsObservations();
    private final Map<String, TlsMaterial> cache = new ConcurrentHashMap<>();

    public TlsContexts(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public TlsObservations observations() {
        return observations;
    }

    public TlsMaterial forDefinition(Definition d) throws PemException {
        boolean cert = d.authType() == AuthType.CERT;
        String certPem = cert ? PemReader.readText(d.certFile(), "Client certificate file") : "";
        String keyPem = cert ? PemReader.readText(d.keyFile(), "Client key file") : "";
        String rootPem = d.rootCertFile() != null ? PemReader.readText(d.rootCertFile(), "Root certificate file") : "";
        String name = "tls-" + hash(d.authType().id(), String.valueOf(d.secure()), certPem, keyPem, rootPem,
                d.keyPassphrase() == null ? "" : d.keyPassphrase());
        TlsMaterial cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        TlsMaterial built = build(d, name, certPem, keyPem, rootPem);
        // bound before it is cached: a concurrent check that finds it in the cache must also find the bean
        synchronized (cache) {
            TlsMaterial raced = cache.get(name);
            if (raced != null) {
                return raced;
            }
            camelContext.getRegistry().bind(name, built.parameters());
            cache.put(name, built);
        }
        if (!d.secure()) {
            LOG.warn("Connection {}: secure is false, so the server certificate and host name are not verified.", d.name());
        }
        return built;
    }

    private TlsMaterial build(Definition d, String name, String certPem, String keyPem, String rootPem) throws PemException {
        List<X509Certificate> chain = List.of();
        KeyManager[] keyManagers = null;
        if (d.authType() == AuthType.CERT) {
            chain = PemReader.parseCertificates(certPem, d.certFile(), "Client certificate file");
            PrivateKey key = PemReader.parsePrivateKey(keyPem, d.keyFile(), d.keyPassphrase());
            keyManagers = new KeyManager[] {
                new ObservingKeyManager(key, chain.toArray(X509Certificate[]::new), observations)};
        }
        List<X509Certificate> roots = rootPem.isEmpty() ? List.of()
                : PemReader.parseCertificates(rootPem, d.rootCertFile(), "Root certificate file");
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, new TrustManager[] {trustManager(d, roots)}, null);
            return new TlsMaterial(name, new PreparedSslContextParameters(context), chain);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new PemException(Category.CERT_FILE, "The certificates of connection " + d.name()
                    + " cannot be used for TLS: " + e.getMessage() + ".", "Export the certificates again from the QMC.");
        }
    }

    private ObservingTrustManager trustManager(Definition d, List<X509Certificate> roots)
            throws GeneralSecurityException, java.io.IOException {
        if (!d.secure()) {
            return new ObservingTrustManager(List.of(), observations);
        }
        List<X509TrustManager> delegates = new ArrayList<>();
        if (!roots.isEmpty()) {
            delegates.add(trusting(roots));
        }
        if (d.authType() != AuthType.CERT || roots.isEmpty()) {
            delegates.add(jvmDefault());
        }
        return new ObservingTrustManager(delegates, observations);
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
