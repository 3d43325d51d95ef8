package io.senseprobe.auth;

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * What the TLS handshakes showed, per "host:port" as the check dialled it: the server's chain (seen before it
 * was judged, so a rejected certificate can still be reported) and when the server last asked for our
 * certificate (a connection that then dies was the server rejecting it).
 */
public final class TlsObservations {
    private final Map<String, Seen> serverChains = new ConcurrentHashMap<>();
    private final Map<String, Long> clientCertRequests = new ConcurrentHashMap<>();

    public static String key(String host, int port) {
        return host.toLowerCase() + ":" + port;
    }

    private record Seen(List<X509Certificate> chain, long atNanos) {
    }

    /** The chain of the last handshake with host:port (a pooled connection may have shaken hands earlier). */
    public Optional<List<X509Certificate>> serverChain(String host, int port) {
        return Optional.ofNullable(serverChains.get(key(host, port))).map(Seen::chain);
    }

    /** The chain, when a handshake with host:port happened at or after {@code sinceNanos} (System.nanoTime). */
    public Optional<List<X509Certificate>> serverChainSince(String host, int port, long sinceNanos) {
        return Optional.ofNullable(serverChains.get(key(host, port)))
                .filter(seen -> seen.atNanos - sinceNanos >= 0).map(Seen::chain);
    }

    /** True when the server asked for a client certificate at or after {@code sinceNanos} (System.nanoTime). */
    public boolean clientCertRequestedSince(String host, int port, long sinceNanos) {
        Long at = clientCertRequests.get(key(host, port));
        return at != null && at - sinceNanos >= 0;
    }

    void serverChainSeen(X509Certificate[] chain, Socket socket, SSLEngine engine) {
        peer(socket, engine).ifPresent(peer -> serverChains.put(peer, new Seen(List.of(chain), System.nanoTime())));
    }

    void clientCertRequested(Socket socket, SSLEngine engine) {
        peer(socket, engine).ifPresent(peer -> clientCertRequests.put(peer, System.nanoTime()));
    }

    private static Optional<String> peer(Socket socket, SSLEngine engine) {
        SSLSession session = null;
        if (socket instanceof SSLSocket ssl) {
            session = ssl.getHandshakeSession();
        } else if (engine != null) {
            session = engine.getHandshakeSession();
        }
        if (session == null || session.getPeerHost() == null) {
            return Optional.empty();
        }
        return Optional.of(key(session.getPeerHost(), session.getPeerPort()));
    }
}
