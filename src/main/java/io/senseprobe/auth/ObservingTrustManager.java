package io.senseprobe.auth;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Records the server chain (see {@link Handshakes}), then asks the delegates: trusted when any of them trusts it.
 * No delegates means trust all (secure: false).
 */
final class ObservingTrustManager extends X509ExtendedTrustManager {
    private final List<X509TrustManager> delegates;

    ObservingTrustManager(List<X509TrustManager> delegates) {
        this.delegates = delegates;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        Handshakes.serverChainSeen(chain);
        judge(chain, authType, socket, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        Handshakes.serverChainSeen(chain);
        judge(chain, authType, null, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        judge(chain, authType, null, null);
    }

    private void judge(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine) throws CertificateException {
        if (delegates.isEmpty()) {
            return;
        }
        CertificateException first = null;
        for (X509TrustManager delegate : delegates) {
            try {
                if (delegate instanceof X509ExtendedTrustManager extended && socket != null) {
                    extended.checkServerTrusted(chain, authType, socket);
                } else if (delegate instanceof X509ExtendedTrustManager extended && engine != null) {
                    extended.checkServerTrusted(chain, authType, engine);
                } else {
                    delegate.checkServerTrusted(chain, authType);
                }
                return;
            } catch (CertificateException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegates.stream().flatMap(d -> java.util.Arrays.stream(d.getAcceptedIssuers()))
                .toArray(X509Certificate[]::new);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("sense-probe is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("sense-probe is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("sense-probe is a client only");
    }
}
