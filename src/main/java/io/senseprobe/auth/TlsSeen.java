package io.senseprobe.auth;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * What TLS showed during one check, and only that check: the server's chain (recorded before it was judged, so a
 * rejected certificate can still be reported) and whether the server asked for our certificate in a handshake of
 * this check (a connection that then dies was the server rejecting it). A pooled connection opened by an earlier
 * check adds its session's chain, never another check's handshake.
 */
public final class TlsSeen {
    private volatile List<X509Certificate> serverChain = List.of();
    private volatile boolean clientCertRequested;

    /** The server's leaf certificate, or null when no chain was seen. */
    public X509Certificate serverCertificate() {
        List<X509Certificate> chain = serverChain;
        return chain.isEmpty() ? null : chain.get(0);
    }

    public boolean clientCertRequested() {
        return clientCertRequested;
    }

    /** A new handshake: whether the server asks for our certificate is a question for this one. */
    void handshakeStarted() {
        clientCertRequested = false;
    }

    /** The chain of the session a request went over (a pooled connection's handshake happened earlier). */
    public void sessionUsed(SSLSession session) {
        if (session == null) {
            return;
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : session.getPeerCertificates()) {
                if (c instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
            if (!chain.isEmpty()) {
                serverChain = List.copyOf(chain);
            }
        } catch (SSLPeerUnverifiedException e) {
            // no verified peer on this session: keep what the handshake showed
        }
    }

    void serverChainSeen(X509Certificate[] chain) {
        serverChain = List.of(chain);
    }

    void clientCertWasRequested() {
        clientCertRequested = true;
    }
}
