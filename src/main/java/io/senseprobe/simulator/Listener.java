package io.senseprobe.simulator;

import java.util.Locale;

/** The simulator's listeners, each on its own port: the Sense services and one per fault to provoke. */
public enum Listener {
    /** Repository service (4242): mutual TLS, xrfkey, X-Qlik-User. */
    QRS(Tls.MUTUAL),
    /** Proxy service API (4243): mutual TLS, xrfkey; sessions and users. */
    QPS(Tls.MUTUAL),
    /** Engine (4747): mutual TLS, HTTPS health check (no xrfkey) and JSON-RPC over a WebSocket on /app/engineData. */
    ENGINE(Tls.MUTUAL),
    /** Virtual proxy with prefix {@value SenseSimulator#JWT_PREFIX}: server TLS only, JWT bearer auth. */
    JWT_PROXY(Tls.SERVER),
    /** Qlik Cloud tenant: server TLS (signed by the site root), API key bearer auth. */
    CLOUD(Tls.SERVER),
    /** QRS whose server certificate expired yesterday. */
    EXPIRED_CERT(Tls.MUTUAL),
    /** QRS whose server certificate comes from another CA. */
    OTHER_CA(Tls.MUTUAL),
    /** Answers 500 to everything. */
    ERROR_500(Tls.MUTUAL),
    /** Answers 200 with an HTML page to everything. */
    NOT_JSON(Tls.MUTUAL),
    /** QRS that answers after a delay (5 s by default). */
    SLOW(Tls.MUTUAL),
    /** QRS that answers 429 with retry-after: while armed, else every other request. */
    RATE_LIMITED(Tls.MUTUAL),
    /** Redirects every request to {@link #REDIRECT_TARGET}, another origin. */
    REDIRECT(Tls.MUTUAL),
    /** A normal QRS; nothing should ever reach it through {@link #REDIRECT}. */
    REDIRECT_TARGET(Tls.MUTUAL),
    /** QRS that sends its headers at once and then its body one byte a second. */
    TRICKLE(Tls.MUTUAL),
    /** Plain TCP: accepts and resets every connection (no TLS, no HTTP). */
    RESET(Tls.NONE),
    /** Answers 200 with a JSON body that never ends (chunked, filler at full speed). */
    ENDLESS_BODY(Tls.MUTUAL),
    /** Answers 200 with the first half of the QRS about JSON (its Content-Length matches the half). */
    TRUNCATED_JSON(Tls.MUTUAL),
    /** Sends a status line, then header bytes one every 100 ms, forever. */
    SLOW_HEADERS(Tls.MUTUAL),
    /** Sends a status line, then headers at full speed, forever. */
    HEADER_FLOOD(Tls.MUTUAL),
    /** Plain TCP: accepts, reads the TLS ClientHello and never answers it. */
    TLS_STALL(Tls.NONE),
    /** Announces a 400-byte body, sends the first 20 bytes of the JSON and closes the connection. */
    CUT_SHORT(Tls.MUTUAL),
    /** Answers 200 with {@code Content-Encoding: gzip}: 16 KiB that unpack to 16 MiB. */
    GZIP_BOMB(Tls.MUTUAL);

    enum Tls { MUTUAL, SERVER, NONE }

    final Tls tls;

    Listener(Tls tls) {
        this.tls = tls;
    }

    /** Lower case with dashes, e.g. {@code jwt-proxy}: the key in {@code portsJson()} and example file names. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
