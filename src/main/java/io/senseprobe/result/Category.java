package io.senseprobe.result;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a check ended as it did, with the default advice for an admin. Classifiers may give a sharper hint. */
public enum Category {
    OK("ok", ""),
    INVALID_DEFINITION("invalid-definition", "Fix the definition as the message says and run again."),
    CERT_FILE("cert-file", "Export the certificates from the QMC (Certificates > Export, PEM format) and point auth-cert-file, auth-cert-key-file and auth-root-cert-file at client.pem, client_key.pem and root.pem."),
    KEY_PASSPHRASE("key-passphrase", "Give the password that was set when the certificates were exported from the QMC as auth-cert-key-passphrase."),
    DNS("dns", "Check the host name for typos and that this machine's DNS resolves it."),
    CONNECTION_REFUSED("connection-refused", "Check the port and that the Sense service listens there and is not blocked by a firewall."),
    CONNECTION_RESET("connection-reset", "The server closed the connection. Check the port is a Sense TLS port and that nothing in between (proxy, firewall) drops the connection."),
    PROXY("proxy", "The HTTPS proxy did not open the tunnel. Check proxy-url or HTTPS_PROXY, that the proxy allows CONNECT to this host and port, or add the host to NO_PROXY to connect directly."),
    TIMEOUT("timeout", "The server did not answer in time. Check that the service is up and not overloaded, or raise the timeout."),
    TLS_HOSTNAME_MISMATCH("tls-hostname-mismatch", "Connect with a host name the server certificate holds, or set secure: false."),
    TLS_UNTRUSTED_SERVER("tls-untrusted-server", "The server certificate is not signed by the trusted root. Export root.pem from this Sense site's QMC, or set secure: false."),
    TLS_EXPIRED_SERVER("tls-expired-server", "The server certificate has expired. Renew it on the server, or set secure: false until it is renewed."),
    TLS_CLIENT_REJECTED("tls-client-rejected", "The server rejected the client certificate. Export client.pem and client_key.pem again from this site's QMC (certificates change when Sense is reinstalled or upgraded)."),
    /** No TLS version both sides speak: sense-probe offers TLS 1.3 and 1.2 only (never 1.1 or older). */
    TLS_PROTOCOL("tls-protocol", "The server offers no TLS version sense-probe accepts: it speaks TLS 1.2 and 1.3 only. Enable TLS 1.2 (or 1.3) on the server; TLS 1.1 and older are refused on purpose."),
    /** Local material (client certificate, root.pem, JWT, API key) past its end date: found before connecting. */
    CREDENTIAL_EXPIRED("credential-expired", "Renew the expired certificate or token and point the definition at the new one."),
    AUTH_REJECTED("auth-rejected", "The credentials were refused. Check the user, the token or key and that it has not expired."),
    RATE_LIMITED("rate-limited", "The server asks to slow down. Check less often, or raise the timeout so the retry fits."),
    HTTP_ERROR("http-error", "The server answered with an error. Check the URL, port and virtual proxy prefix."),
    BAD_RESPONSE("bad-response", "The server answered, but not like Qlik Sense. Check that host and port point at the Sense service."),
    /** An otherwise OK check with a certificate or credential inside sense.expiry.warn-days (status warning). */
    EXPIRING("expiring", "Renew it before that date."),
    ENGINE_SATURATED("engine-saturated", "The engine's CPU or memory use is above 90 %: check the apps and reloads running on it, or give the node more capacity."),
    SERVICE_DOWN("service-down", "Start the service named (Windows Services on that node, or QMC > Services), and look at its log under C:\\ProgramData\\Qlik\\Sense\\Log if it stops again."),
    SERVICE_INITIALIZING("service-initializing", "The service is still starting; if it stays so for more than a few minutes, look at its log on that node."),
    /** Our own failure, never the site's: it must not pass for a server problem. */
    INTERNAL_ERROR("internal-error", "This is a sense-probe bug, not a problem of the Sense site. Run again with --log-level debug (or sense.log.level=debug) and report the stack trace it logs.");

    private final String id;
    private final String defaultHint;

    Category(String id, String defaultHint) {
        this.id = id;
        this.defaultHint = defaultHint;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String defaultHint() {
        return defaultHint;
    }

    /** Found before any connection was tried: the CLI exits 2 for these. */
    public boolean isBeforeConnection() {
        return this == INVALID_DEFINITION || this == CERT_FILE || this == KEY_PASSPHRASE;
    }
}
