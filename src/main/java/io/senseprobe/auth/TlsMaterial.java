package io.senseprobe.auth;

import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The TLS setup of one credential: its SSLContext (key and trust managers from the PEM files and the secure flag),
 * whether host names are verified, and the client chain and root.pem's certificates for the result record (their
 * end dates).
 *
 * @param key a hash of everything that went into the context (files' contents, passphrase, auth type, secure): the
 *            same files share one context, rotated files get a new one, and the HTTP pool keeps a connection for
 *            requests of the same key only
 */
public record TlsMaterial(String key, SSLContext sslContext, boolean verifyHostNames, List<X509Certificate> clientChain,
        List<X509Certificate> roots) {
}
