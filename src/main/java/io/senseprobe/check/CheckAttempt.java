package io.senseprobe.check;

import io.senseprobe.auth.TlsMaterial;
import io.senseprobe.definition.Definition;
import java.time.Instant;

/**
 * The state of one check while it runs through the check route, kept in an exchange property
 * (camel-http would send message headers to Sense).
 */
public final class CheckAttempt {
    public static final String PROPERTY = "senseAttempt";
    /** Boolean property the route's loop reads: true when the interpreter wants another request. */
    public static final String AGAIN = "senseAgain";

    private final Definition definition;
    private final SenseCheck check;
    private final Instant startedAt;
    private final long startNanos;
    private final long deadlineNanos;
    private String path;
    private String query = "";
    private int redirects;
    private TlsMaterial tls;
    private String verifierBean;

    public CheckAttempt(Definition definition, SenseCheck check, Instant startedAt) {
        this.definition = definition;
        this.check = check;
        this.startedAt = startedAt;
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + definition.timeout().toNanos();
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

    public long startNanos() {
        return startNanos;
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public long remainingMillis() {
        return Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    public String address() {
        return definition.host() + ":" + definition.port();
    }

    public long timeoutMillis() {
        return definition.timeout().toMillis();
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

    public int redirects() {
        return redirects;
    }

    public TlsMaterial tls() {
        return tls;
    }

    public String tlsBean() {
        return tls.beanName();
    }

    public String verifierBean() {
        return verifierBean;
    }

    public void useTls(TlsMaterial tls, String verifierBean) {
        this.tls = tls;
        this.verifierBean = verifierBean;
    }
}
