package io.senseprobe.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

/** One JDK HTTPS server on 127.0.0.1 for one {@link Listener}: TLS set up, requests recorded, answers sent. */
final class HttpsListener implements AutoCloseable {
    interface Recorder {
        void record(RecordedRequest request);
    }

    private final Listener listener;
    private final HttpsServer server;
    private final Function<Incoming, Response> handler;
    private final Recorder recorder;
    private final AtomicLong connections = new AtomicLong();

    HttpsListener(Listener listener, InetAddress bind, int port, Pki.Issued serverCert, X509Certificate trustedClientRoot,
            ExecutorService executor, Function<Incoming, Response> handler, Recorder recorder) throws IOException {
        this.listener = listener;
        this.handler = handler;
        this.recorder = recorder;
        SSLContext context = sslContext(serverCert, trustedClientRoot);
        boolean mutual = listener.tls == Listener.Tls.MUTUAL;
        server = HttpsServer.create(new InetSocketAddress(bind, port), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                // the JDK server configures each accepted connection once, before its handshake
                connections.incrementAndGet();
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setNeedClientAuth(mutual);
                params.setSSLParameters(ssl);
            }
        });
        server.createContext("/", this::serve);
        // a cached pool: a slow answer on one listener must not hold up any other
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    long connections() {
        return connections.get();
    }

    private void serve(HttpExchange exchange) {
        try {
            Incoming request = read(exchange);
            Response response;
            try {
                response = handler.apply(request);
            } catch (RuntimeException e) {
                response = Response.text(500, "Simulator error: " + e);
            }
            recorder.record(recorded(request, response.status(), clientCert(exchange)));
            if (!response.delay().isZero()) {
                Thread.sleep(response.delay().toMillis());
            }
            send(exchange, response);
        } catch (IOException e) {
            // the client went away; nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private Incoming read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Incoming(listener, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Collections.unmodifiableMap(headers), body,
                subjectOf(clientCert(exchange)));
    }

    /** What the simulator records of a request it answered with {@code status}. */
    static RecordedRequest recorded(Incoming request, int status, X509Certificate clientCert) {
        QlikUser user = QlikUser.parse(request.header("X-Qlik-User"));
        return new RecordedRequest(request.listener(), request.method(), request.path(), request.rawQuery(),
                request.headers(), request.body(), request.clientCertSubject(), user.directory(), user.id(),
                status, Instant.now(), clientCert == null ? null : ClientCredential.fingerprint(clientCert));
    }

    static String subjectOf(X509Certificate cert) {
        return cert == null ? null : cert.getSubjectX500Principal().getName();
    }

    /** The client's leaf certificate, or null without one. */
    private static X509Certificate clientCert(HttpExchange exchange) {
        if (exchange instanceof HttpsExchange https) {
            try {
                Certificate[] chain = https.getSSLSession().getPeerCertificates();
                return (X509Certificate) chain[0];
            } catch (SSLPeerUnverifiedException e) {
                return null;
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, Response response) throws IOException, InterruptedException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = response.body();
        if (response.endless()) {
            // length 0: chunked, so the client cannot know where it ends
            exchange.sendResponseHeaders(response.status(), 0);
            try (OutputStream out = exchange.getResponseBody()) {
                endless(out, body);
            }
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                if (response.byteInterval().isZero()) {
                    out.write(body);
                } else {
                    trickle(out, body, response.byteInterval());
                }
            }
        }
    }

    /** Ends with an IOException when the client goes away (or the simulator closes the connection). */
    private static void endless(OutputStream out, byte[] start) throws IOException {
        out.write(start);
        byte[] filler = new byte[8192];
        Arrays.fill(filler, (byte) 'x');
        while (!Thread.currentThread().isInterrupted()) {
            out.write(filler);
        }
    }

    /** Ends early with an IOException when the client goes away, or an interrupt when the simulator closes. */
    private static void trickle(OutputStream out, byte[] body, Duration interval) throws IOException, InterruptedException {
        for (int i = 0; i < body.length; i++) {
            if (i > 0) {
                Thread.sleep(interval.toMillis());
            }
            out.write(body[i]);
            out.flush();
        }
    }

    static SSLContext sslContext(Pki.Issued serverCert, X509Certificate trustedClientRoot) {
        try {
            char[] password = "sense-sim".toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", serverCert.privateKey(), password, serverCert.chain());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("site-root", trustedClientRoot);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot set up TLS for " + serverCert.cert().getSubjectX500Principal(), e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
