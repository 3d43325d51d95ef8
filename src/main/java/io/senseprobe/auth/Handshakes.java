package io.senseprobe.auth;

import java.io.IOException;

/**
 * Ties a TLS handshake to the check it belongs to. One SSLContext (with its key and trust managers) serves every
 * check of a credential, so the managers cannot hold per-check state; a blocking SSLSocket runs its handshake, and
 * with it the managers' callbacks, on the thread that started it, so the check's {@link TlsSeen} travels in a
 * thread local for exactly the duration of {@link #observe}.
 */
public final class Handshakes {
    private static final ThreadLocal<TlsSeen> CURRENT = new ThreadLocal<>();

    private Handshakes() {
    }

    /** A handshake step that may fail with an I/O error. */
    public interface Step<T> {
        T run() throws IOException;
    }

    /** Runs the handshake with {@code seen} receiving what the key and trust managers see. */
    public static <T> T observe(TlsSeen seen, Step<T> handshake) throws IOException {
        CURRENT.set(seen);
        seen.handshakeStarted();
        try {
            return handshake.run();
        } finally {
            CURRENT.remove();
        }
    }

    static void serverChainSeen(java.security.cert.X509Certificate[] chain) {
        TlsSeen seen = CURRENT.get();
        if (seen != null) {
            seen.serverChainSeen(chain);
        }
    }

    static void clientCertRequested() {
        TlsSeen seen = CURRENT.get();
        if (seen != null) {
            seen.clientCertWasRequested();
        }
    }
}
