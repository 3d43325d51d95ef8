package io.senseprobe.check;

import io.senseprobe.auth.TlsContexts;
import io.senseprobe.result.CheckResult;
import io.senseprobe.simulator.Listener;
import io.senseprobe.simulator.Pki;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The child JVM of {@link TlsMinimumTest}, started with a java.security that allows TLS 1.1 (the JDK's default
 * forbids it, which would hide a missing minimum): a server that speaks only TLS 1.1, a control handshake with the
 * very SSLContext a check gets but without the check's protocol list, then the real checks of every auth mode.
 * Prints {@code name value} lines for the parent to judge.
 */
final class Tls11Child {
    private Tls11Child() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Pki.Ca ca = Pki.newCa("old-site-CA");
        Pki.Issued serverCert = Pki.serverCert(ca, Pki.newRsaKeyPair(), List.of("localhost"), List.of("127.0.0.1"));
        Path root = Files.writeString(dir.resolve("old-root.pem"), Pki.certificatesPem(ca.cert()));
        try (Tls11Server old = new Tls11Server(serverCert); CheckFixture fx = CheckFixture.start(dir.resolve("fx"))) {
            int port = old.socket.getLocalPort();
            Map<String, CheckFixture.Values> modes = new LinkedHashMap<>();
            modes.put("cert", fx.cert(Listener.QRS).with("port", port));
            modes.put("jwt", fx.jwt(fx.sim.validJwt()).with("port", port));
            modes.put("apikey", fx.cloud(fx.sim.apiKey()).with("tenant-host", "localhost:" + port));
            modes.put("engine", fx.cert(Listener.QRS).with("engine-port", port).with("checks", List.of("engine-version")));
            modes.values().forEach(v -> v.with("auth-root-cert-file", root));

            SSLContext checksContext = new TlsContexts().forDefinition(fx.definition(modes.get("jwt"))).sslContext();
            try (SSLSocket control = (SSLSocket) checksContext.getSocketFactory().createSocket("localhost", port)) {
                control.startHandshake();
                System.out.println("control " + control.getSession().getProtocol());
            } catch (Exception e) {
                System.out.println("control failed: " + e);
            }
            for (Map.Entry<String, CheckFixture.Values> mode : modes.entrySet()) {
                CheckResult result = fx.runner().runChecks(fx.definition(mode.getValue())).get(0);
                System.out.println(mode.getKey() + " " + result.category().id() + " " + result.message() + " | " + result.hint());
            }
            System.out.println("handshakes " + old.handshakes.get());
        }
        System.exit(0);
    }

    /** Speaks TLS 1.1 only, and answers each connection that completes a handshake with an empty JSON object. */
    static final class Tls11Server implements AutoCloseable {
        final SSLServerSocket socket;
        final AtomicInteger handshakes = new AtomicInteger();

        Tls11Server(Pki.Issued cert) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", cert.privateKey(), new char[0], cert.chain());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            socket.setEnabledProtocols(new String[] {"TLSv1.1"});
            Thread accepting = new Thread(this::serve, "tls11-server");
            accepting.setDaemon(true);
            accepting.start();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (SSLSocket client = (SSLSocket) socket.accept()) {
                    client.setSoTimeout(5000);
                    client.startHandshake();
                    handshakes.incrementAndGet();
                    InputStream in = client.getInputStream();
                    int matched = 0;
                    while (matched < 4) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                    }
                    OutputStream out = client.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (Exception e) {
                    // a refused handshake or a closed server: the next connection
                }
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
