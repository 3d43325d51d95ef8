package io.senseprobe.auth;

import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Hands camel-http an SSLContext we built ourselves: Camel's parameter classes cannot wrap the key and trust
 * managers, and the wrappers are what let a failed handshake still report the server certificate.
 */
final class PreparedSslContextParameters extends SSLContextParameters {
    private final SSLContext sslContext;

    PreparedSslContextParameters(SSLContext sslContext) {
        this.sslContext = sslContext;
    }

    @Override
    public SSLContext createSSLContext(CamelContext camelContext) {
        return sslContext;
    }
}
