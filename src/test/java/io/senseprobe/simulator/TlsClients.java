package io.senseprobe.simulator;

import io.senseprobe.pem.PemReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/** JDK HttpClients with TLS material read from PEM files, as a sense-probe user would hand them over. */
final class TlsClients {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TlsClients() {
    }

    /** Mutual TLS: presents the client certificate, trusts only the root file. */
    static HttpClient mutual(Path cert, Path key, Path root) throws Exception {
        return client(mutualContext(cert, key, root));
    }

    /** The SSLContext of {@link #mutual(Path, Path, Path)}, for raw sockets. */
    static SSLContext mutualContext(Path cert, Path key, Path root) throws Exception {
        return sslContext(new KeyManager[] {new FixedKeyManager(cert, key)}, root);
    }

    static HttpClient mutual(SimulatorFiles files) throws Exception {
        return mutual(files.clientCert(), files.clientKey(), files.rootCert());
    }

    /** Server TLS only: no client certificate. */
    static HttpClient serverOnly(Path root) throws Exception {
        return client(sslContext(null, root));
    }

    private static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static SSLContext sslContext(KeyManager[] keyManagers, Path root) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        List<X509Certificate> roots = PemReader.readCertificates(root, "Root certificate file");
        for (int i = 0; i < roots.size(); i++) {
            trust.setCertificateEntry("root-" + i, roots.get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, tmf.getTrustManagers(), null);
        return context;
    }

    static String xrfkey() {
        StringBuilder key = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            key.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return key.toString();
    }

    static URI uri(int port, String pathAndQuery) {
        return URI.create("https://localhost:" + port + pathAndQuery);
    }

    /** GET with headers given as name, value, name, value... */
    static HttpResponse<String> get(HttpClient client, URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with a fresh, matching xrfkey in query and header. */
    static HttpResponse<String> getWithXrfkey(HttpClient client, int port, String path, String... headers) throws Exception {
        String key = xrfkey();
        String[] all = new String[headers.length + 2];
        all[0] = "X-Qlik-Xrfkey";
        all[1] = key;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return get(client, uri(port, path + (path.contains("?") ? "&" : "?") + "xrfkey=" + key), all);
    }

    /**
     * Always offers the one client certificate, whatever CAs the server names: the JDK key manager would
     * otherwise send none when the issuer is not in the server's list, hiding a wrong-site certificate.
     */
    private static final class FixedKeyManager extends X509ExtendedKeyManager {
        private final X509Certificate[] chain;
        private final PrivateKey key;

        FixedKeyManager(Path cert, Path key) throws Exception {
            this.chain = PemReader.readCertificates(cert, "Client certificate file").toArray(X509Certificate[]::new);
            this.key = PemReader.readPrivateKey(key, null);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return "client";
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return "client";
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return chain;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {"client"};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
