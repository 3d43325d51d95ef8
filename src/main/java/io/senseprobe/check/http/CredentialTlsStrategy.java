package io.senseprobe.check.http;

import io.senseprobe.auth.Handshakes;
import io.senseprobe.auth.TlsContexts;
import io.senseprobe.auth.TlsMaterial;
import io.senseprobe.auth.TlsSeen;
import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.reactor.ssl.SSLBufferMode;

/**
 * The one TLS strategy of the shared connection pool: each new connection is opened with the TLS context of the
 * credential whose request opens it (put into the request's context by {@link CheckExecHandler}), and its handshake
 * is recorded for that check only. A request without a credential (not a check) gets the JVM's trust store.
 */
final class CredentialTlsStrategy implements TlsSocketStrategy {
    static final String MATERIAL = "sense.tls.material";
    static final String SEEN = "sense.tls.seen";
    /** Set when this request had to open a new connection (absent: it went over a pooled one). */
    static final String NEW_CONNECTION = "sense.tls.new-connection";

    private static final String[] PROTOCOLS = TlsContexts.PROTOCOLS.toArray(String[]::new);
    private static final HostnameVerifier VERIFY = new DefaultHostnameVerifier();
    private static final TlsSocketStrategy WITHOUT_CREDENTIAL = DefaultClientTlsStrategy.createDefault();

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        TlsMaterial material = (TlsMaterial) context.getAttribute(MATERIAL);
        TlsSeen seen = (TlsSeen) context.getAttribute(SEEN);
        if (material == null || seen == null) {
            return WITHOUT_CREDENTIAL.upgrade(socket, target, port, attachment, context);
        }
        context.setAttribute(NEW_CONNECTION, Boolean.TRUE);
        // the host name is checked after the handshake by httpclient's verifier: its message names the
        // certificate's names, which the classifier passes on to the admin
        TlsSocketStrategy strategy = new DefaultClientTlsStrategy(material.sslContext(), PROTOCOLS, null,
                SSLBufferMode.STATIC, HostnameVerificationPolicy.CLIENT,
                material.verifyHostNames() ? VERIFY : NoopHostnameVerifier.INSTANCE);
        return Handshakes.observe(seen, () -> strategy.upgrade(socket, target, port, attachment, context));
    }
}
