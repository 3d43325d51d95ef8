package io.senseprobe.check;

import io.senseprobe.auth.TlsContexts;
import io.senseprobe.auth.TlsMaterial;
import io.senseprobe.auth.TlsSeen;
import io.senseprobe.pem.PemException;
import io.senseprobe.definition.Definition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The state of one check while it runs through the check route, kept in an exchange property
 * (camel-http would send message headers to Sense). Created when the check starts, not when it is queued: the
 * deadline (the definition's timeout) covers connect, TLS, retries and body of this check only.
 */
public final class CheckAttempt {
    private final Definition definition;
    private final SenseCheck check;
    private final Instant startedAt;
    private final long startNanos;
    private final long deadlineNanos;
    private final int port;
    private final TlsSeen tlsSeen = new TlsSeen();
    private final Map<String, Object> carried = new LinkedHashMap<>();
    private String path;
    private String query = "";
    private int redirects;
    private TlsMaterial tls;
    private volatile boolean timedOut;
    private volatile boolean finished;
    private volatile Cancellable request;
    private volatile Future<?> deadlineTimer;

    public CheckAttempt(Definition definition, SenseCheck check, Instant startedAt) {
        this.definition = definition;
        this.check = check;
        this.startedAt = startedAt;
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + definition.timeout().toNanos();
        this.port = check.port(definition);
        this.path = check.path(definition);
    }

    public Definition definition() {
        return definition;
    }

    public SenseCheck check() {
        return check;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public long remainingMillis() {
        return Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    public long remainingNanos() {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    /** The port this check connects to (the engine's or the proxy's for those checks). */
    public int port() {
        return port;
    }

    /** host:port as a URI authority (IPv6 literals in brackets). */
    public String address() {
        String host = definition.host();
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    public String path() {
        return path;
    }

    public String query() {
        return query;
    }

    public void redirectTo(String path, String query) {
        this.path = path;
        this.query = query == null ? "" : query;
        this.redirects++;
    }

    /** The next request of a check of several (the redirect allowance stays the check's). */
    public void nextRequest(String path) {
        this.path = path;
        this.query = "";
    }

    /** What the earlier requests of a check of several found, for the later ones. */
    public Map<String, Object> carried() {
        return carried;
    }

    public int redirects() {
        return redirects;
    }

    public TlsMaterial tls() {
        return tls;
    }

    /** At the check's first request: the credential's TLS material (files read once per content, see TlsContexts). */
    void useTlsOf(TlsContexts contexts) throws PemException {
        if (tls == null) {
            tls = contexts.forDefinition(definition);
        }
    }

    /** What TLS showed in this check's handshakes and on the connections its requests used. */
    public TlsSeen tlsSeen() {
        return tlsSeen;
    }

    /** True once the deadline passed before the check ended: whatever failed after that is a timeout. */
    public boolean timedOut() {
        return timedOut;
    }

    /** The HTTP request in flight: aborted (its connection closed, its worker freed) when the deadline passes. */
    public void requestStarted(Cancellable inFlight) {
        this.request = inFlight;
        if (timedOut) {
            inFlight.cancel();
        }
    }

    /** The timer that calls {@link #deadlinePassed()}; cancelled when the check ends. */
    public void deadlineTimer(Future<?> timer) {
        this.deadlineTimer = timer;
        if (finished) {
            timer.cancel(false);
        }
    }

    public boolean hasDeadlineTimer() {
        return deadlineTimer != null;
    }

    public void deadlinePassed() {
        if (finished) {
            return;
        }
        timedOut = true;
        Cancellable inFlight = request;
        if (inFlight != null) {
            inFlight.cancel();
        }
    }

    /** The check has its result: the deadline timer goes. */
    void finish() {
        finished = true;
        Future<?> timer = deadlineTimer;
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
