package io.senseprobe.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * An in-process Qlik Sense site and Qlik Cloud tenant over real TLS, one port per {@link Listener}, all on
 * 127.0.0.1. Every start writes fresh certificates into its folder (see {@link #files()}) and records every
 * request it receives.
 *
 * <pre>{@code
 * try (SenseSimulator sim = SenseSimulator.start(tempDir)) {
 *     int qrs = sim.port(Listener.QRS);
 *     ... connect to https://localhost:qrs with sim.files().clientCert(), clientKey(), rootCert() ...
 *     sim.requests(Listener.QRS);
 * }
 * }</pre>
 */
public final class SenseSimulator implements AutoCloseable {
    /** Passphrase of the encrypted key files. */
    public static final String KEY_PASSPHRASE = "sense-sim-passphrase";
    /** Prefix of the JWT virtual proxy on {@link Listener#JWT_PROXY}. */
    public static final String JWT_PREFIX = "jwt";
    public static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(5);
    /** Requests kept for {@link #requests()}; older ones are dropped so a long-running simulator stays small. */
    static final int MAX_RECORDED = 10_000;

    static {
        // the JDK server writes headers and body separately: without TCP_NODELAY clients stall on delayed ACKs.
        // Read once when the JDK server classes load, so it must be set before the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // the JDK server closes idle keep-alive connections above 200; tests keep hundreds pooled, one per credential
        System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
    }

    private final SimulatorFiles files;
    private final SiteCertificates certs;
    private final CloudIdentity cloud = CloudIdentity.random();
    private final Tokens tokens;
    private final ProxySessions sessions = new ProxySessions();
    private final QpsApi qps = new QpsApi(sessions);
    private final EngineApi engine = new EngineApi();
    private final SiteServices services = new SiteServices();
    private final JwtProxy jwtProxy;
    private final CloudApi cloudApi;
    private final RateLimits rateLimits = new RateLimits();
    // listeners that leave every other request unanswered (a flapping site), with their request counters
    private final Map<Listener, AtomicLong> everyOtherUnanswered = new ConcurrentHashMap<>();
    private final String validJwt;
    private final String apiKey;
    private final Deque<RecordedRequest> recorded = new ArrayDeque<>();
    // read by handler threads (REDIRECT) while start() may still be filling it
    private final Map<Listener, Integer> ports = new ConcurrentHashMap<>();
    private final Map<Listener, LongSupplier> tlsCounters = new ConcurrentHashMap<>();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
    private volatile Duration slowDelay = DEFAULT_SLOW_DELAY;
    private final Map<Listener, Redirect> redirects = new ConcurrentHashMap<>();

    private record Redirect(String host, Listener to) {
    }

    private SenseSimulator(Path dir, SiteCertificates certs) {
        files = SimulatorFiles.in(dir);
        this.certs = certs;
        certs.writeTo(files, KEY_PASSPHRASE);
        tokens = new Tokens(certs.jwtSigning.keys(), certs.strangerKeys, cloud);
        jwtProxy = new JwtProxy(JWT_PREFIX, tokens, sessions, services);
        cloudApi = new CloudApi(tokens, cloud);
        validJwt = tokens.mintJwt("RS256", Instant.now().plus(Duration.ofDays(365)));
        apiKey = tokens.mintApiKey(Instant.now().plus(Duration.ofDays(365)));
    }

    /** Starts every listener on a free port and writes the certificates into {@code dir}. */
    public static SenseSimulator start(Path dir) throws IOException {
        return start(dir, 0);
    }

    /**
     * Starts every listener on consecutive ports from {@code basePort} in {@link Listener} order
     * ({@code basePort + listener.ordinal()}), or on free ports when {@code basePort} is 0.
     */
    public static SenseSimulator start(Path dir, int basePort) throws IOException {
        return start(dir, basePort, InetAddress.getLoopbackAddress());
    }

    /**
     * As {@link #start(Path, int)}, listening on {@code bindAddress} instead of 127.0.0.1: for a container that
     * other containers reach by the host name {@code sense-sim} (a name in the server certificate).
     */
    public static SenseSimulator start(Path dir, int basePort, InetAddress bindAddress) throws IOException {
        return start(dir, basePort, bindAddress, new SiteCertificates());
    }

    /**
     * As {@link #start(Path)}, with a server certificate (of every listener but the fault ones) that ends at
     * {@code notAfter}: for tests of expiry warnings. A time in the past gives an expired one.
     */
    public static SenseSimulator startWithServerCertEnding(Path dir, Instant notAfter) throws IOException {
        return start(dir, 0, InetAddress.getLoopbackAddress(), new SiteCertificates(notAfter));
    }

    private static SenseSimulator start(Path dir, int basePort, InetAddress bindAddress, SiteCertificates certs)
            throws IOException {
        SenseSimulator sim = new SenseSimulator(dir, certs);
        try {
            for (Listener listener : Listener.values()) {
                sim.listen(listener, bindAddress, basePort == 0 ? 0 : basePort + listener.ordinal());
            }
        } catch (IOException | RuntimeException e) {
            sim.close();
            throw e;
        }
        return sim;
    }

    private void listen(Listener listener, InetAddress bind, int port) throws IOException {
        if (listener == Listener.RESET) {
            ResetListener reset = new ResetListener(bind, port, executor);
            running.add(reset);
            ports.put(listener, reset.port());
            return;
        }
        if (listener == Listener.SLOW_HEADERS || listener == Listener.HEADER_FLOOD || listener == Listener.TLS_STALL
                || listener == Listener.CUT_SHORT) {
            RawListener raw = new RawListener(listener, bind, port, certs.serverFor(listener), certs.siteCa.cert(),
                    executor, this::record);
            running.add(raw);
            if (listener.tls != Listener.Tls.NONE) {
                tlsCounters.put(listener, raw::connections);
            }
            ports.put(listener, raw.port());
            return;
        }
        if (listener == Listener.ENGINE) {
            EngineListener engineListener = new EngineListener(listener, bind, port, certs.serverFor(listener),
                    certs.siteCa.cert(), executor, this::answer, engine, this::record);
            running.add(engineListener);
            tlsCounters.put(listener, engineListener::connections);
            ports.put(listener, engineListener.port());
            return;
        }
        HttpsListener https = new HttpsListener(listener, bind, port, certs.serverFor(listener), certs.siteCa.cert(),
                executor, this::answer, this::record);
        running.add(https);
        tlsCounters.put(listener, https::connections);
        ports.put(listener, https.port());
    }

    private Response answer(Incoming request) {
        Listener listener = request.listener();
        AtomicLong unanswered = everyOtherUnanswered.get(listener);
        if (unanswered != null && unanswered.getAndIncrement() % 2 == 1) {
            // read, recorded, and then no answer within any check's timeout: the client gives up, as on a hung node
            return Response.empty(503).delayedBy(UNANSWERED_FOR);
        }
        Redirect redirect = redirects.get(listener);
        if (redirect != null) {
            return Response.empty(302).withHeader("Location", "https://" + redirect.host() + ":" + port(redirect.to())
                    + request.path() + (request.rawQuery() == null ? "" : "?" + request.rawQuery()));
        }
        int retryAfter = rateLimits.check(listener);
        if (retryAfter >= 0) {
            return RateLimits.tooManyRequests(retryAfter);
        }
        return switch (listener) {
            case QRS, EXPIRED_CERT, OTHER_CA, RATE_LIMITED, REDIRECT_TARGET -> QrsApi.handle(request, services);
            case QPS -> qps.handle(request);
            case ENGINE -> engine.handle(request);
            case JWT_PROXY -> jwtProxy.handle(request);
            case CLOUD -> cloudApi.handle(request);
            case ERROR_500 -> Response.text(500, "Internal Server Error: the simulator fails every request on this port.");
            case NOT_JSON -> Response.html(200, "<!DOCTYPE html><html><head><title>Qlik Sense</title></head>"
                    + "<body><h1>Qlik Sense</h1><p>A login page, not JSON.</p></body></html>");
            case SLOW -> QrsApi.handle(request, services).delayedBy(slowDelay);
            case TRICKLE -> QrsApi.handle(request, services).trickled(Duration.ofSeconds(1));
            case REDIRECT -> Response.empty(302).withHeader("Location", "https://" + request.hostName() + ":"
                    + port(Listener.REDIRECT_TARGET) + request.path()
                    + (request.rawQuery() == null ? "" : "?" + request.rawQuery()));
            case ENDLESS_BODY -> Response.of(200, Response.JSON,
                    "{\"buildVersion\":\"".getBytes(StandardCharsets.UTF_8)).endlessly();
            case TRUNCATED_JSON -> QrsApi.handle(request, services).cutInHalf();
            case GZIP_BOMB -> Response.of(200, Response.JSON, GzipBomb.BODY).withHeader("Content-Encoding", "gzip");
            case RESET, SLOW_HEADERS, HEADER_FLOOD, TLS_STALL, CUT_SHORT ->
                    throw new IllegalStateException(listener + " is answered by its own socket, not here");
        };
    }

    private void record(RecordedRequest request) {
        synchronized (recorded) {
            if (recorded.size() == MAX_RECORDED) {
                recorded.removeFirst();
            }
            recorded.addLast(request);
        }
    }

    // ---- what tests and the CLI use ------------------------------------------------------------

    public int port(Listener listener) {
        Integer port = ports.get(listener);
        if (port == null) {
            throw new IllegalStateException(listener + " is not listening");
        }
        return port;
    }

    /**
     * How many TLS connections the listener accepted since start: each one a handshake (full or resumed), so a
     * client that reuses pooled connections adds none. The JDK server sets up TLS, once per connection, when the
     * connection first turns readable (its ClientHello, or its close): failed handshakes count, and so does a bare
     * TCP connect once it closes. {@link Listener#RESET} has none to count and throws.
     */
    public long tlsConnections(Listener listener) {
        LongSupplier connections = tlsCounters.get(listener);
        if (connections == null) {
            throw new IllegalStateException(listener + " speaks no TLS");
        }
        return connections.getAsLong();
    }

    /**
     * A further client certificate trusted by the mutual-TLS listeners, like another site's QMC export: subject
     * CN=QlikClient and the same issuer as {@code files().clientCert()}, its own key (EC P-256: hundreds are made per
     * test run, RSA keys take too long). Writes {@code client.pem} and {@code client_key.pem} into {@code dir}.
     */
    public ClientCredential issueClientCredential(Path dir) {
        return issueClientCredential(dir, Instant.now().plus(Duration.ofDays(365)));
    }

    /**
     * As {@link #issueClientCredential(Path)}, with a certificate that ends at {@code notAfter}: one that expires in a
     * few days, or (a time in the past) has expired.
     */
    public ClientCredential issueClientCredential(Path dir, Instant notAfter) {
        Pki.Issued issued = Pki.clientCert(certs.siteCa, Pki.newEcKeyPair(), Pki.QLIK_CLIENT_CN, notAfter);
        Path cert = Pki.write(dir.resolve("client.pem"), Pki.certificatesPem(issued.cert()));
        Path key = Pki.write(dir.resolve("client_key.pem"), Pki.pkcs8Pem(issued.privateKey()));
        return new ClientCredential(cert.toAbsolutePath(), key.toAbsolutePath(), ClientCredential.fingerprint(issued.cert()));
    }

    /**
     * Writes a root.pem with this run's site CA issued again to end at {@code notAfter} (same name and key, so it
     * still verifies the listeners); returns the absolute path.
     */
    public Path writeRootCert(Path file, Instant notAfter) {
        return Pki.write(file, Pki.certificatesPem(Pki.reissued(certs.siteCa, notAfter).cert())).toAbsolutePath();
    }

    /** The certificate and key files of this run, absolute paths. */
    public SimulatorFiles files() {
        return files;
    }

    /** Every recorded request, oldest first (RESET records nothing: it never reads a request). */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    public List<RecordedRequest> requests(Listener listener) {
        return requests().stream().filter(r -> r.listener() == listener).toList();
    }

    public void clearRequests() {
        synchronized (recorded) {
            recorded.clear();
        }
    }

    /** An RS256 JWT for the {@link #JWT_PREFIX} virtual proxy, valid for a year. */
    public String validJwt() {
        return validJwt;
    }

    /** A JWT signed with the virtual proxy's key. {@code alg}: RS256, RS384 or RS512 (others are refused by the proxy). */
    public String mintJwt(String alg, Instant expiresAt) {
        return tokens.mintJwt(alg, expiresAt);
    }

    /** Correctly signed, expired an hour ago. */
    public String expiredJwt() {
        return tokens.mintJwt("RS256", Instant.now().minus(Duration.ofHours(1)));
    }

    /** {@code alg: none}. */
    public String unsignedJwt() {
        return tokens.unsignedJwt();
    }

    /** Signed with a key the virtual proxy does not know. */
    public String badSignatureJwt() {
        return tokens.badSignatureJwt();
    }

    /** A Qlik Cloud API key for {@link Listener#CLOUD}, valid for a year. */
    public String apiKey() {
        return apiKey;
    }

    /** An API key that expires (or expired) at the given time. */
    public String mintApiKey(Instant expiresAt) {
        return tokens.mintApiKey(expiresAt);
    }

    /** The simulated tenant's id, as in users/me and the API key. */
    public String tenantId() {
        return cloud.tenantId();
    }

    /** The API key user's id (24 hex digits). */
    public String cloudUserId() {
        return cloud.userId();
    }

    /** How long an unanswered request of {@link #leaveEveryOtherUnanswered} waits before the connection closes. */
    public static final Duration UNANSWERED_FOR = Duration.ofSeconds(20);

    /**
     * From now on the listener answers the first request, leaves the second unanswered ({@link #UNANSWERED_FOR},
     * beyond any check's timeout), answers the third, and so on: a site that answers only every other request.
     */
    public void leaveEveryOtherUnanswered(Listener listener) {
        everyOtherUnanswered.put(listener, new AtomicLong());
    }

    /** The next {@code count} requests to {@link Listener#RATE_LIMITED} answer 429 with {@code retry-after}. */
    public void rateLimitNext(int count, int retryAfterSeconds) {
        rateLimitNext(Listener.RATE_LIMITED, count, retryAfterSeconds);
    }

    /** The next {@code count} requests to the listener (e.g. {@link Listener#CLOUD}) answer 429 with {@code retry-after}. */
    public void rateLimitNext(Listener listener, int count, int retryAfterSeconds) {
        rateLimits.arm(listener, count, retryAfterSeconds);
    }

    /** When true, {@code /api/v1/users/me} answers 302 to {@code /api/v1/users/{id}} on the same origin. */
    public void cloudRedirectsUsersMe(boolean redirect) {
        cloudApi.redirectUsersMe(redirect);
    }

    /**
     * From now on every request to {@code from} answers 302 to {@code https://host:port(to)} with the same path and
     * query: another origin when host or port differ (the target records what reaches it), a redirect loop when
     * both are the same. Ends with {@link #stopRedirects()}.
     */
    public void redirect(Listener from, String host, Listener to) {
        redirects.put(from, new Redirect(host, to));
    }

    public void stopRedirects() {
        redirects.clear();
    }

    /** When not null, {@code /api/v1/users/me} answers 403 in Cloud's error shape with this {@code detail}. */
    public void cloudForbidsUsersMe(String detail) {
        cloudApi.forbidUsersMe(detail);
    }

    /**
     * Sets the state {@code /qrs/servicestatus/full} reports for a service: node {@code Central} or {@code rim-1},
     * service Repository, Proxy, Scheduler, Engine, AppMigration (Central only) or Printing, state by its enum name
     * (Initializing, CertificatesNotInstalled, Running, NoCommunication, Disabled, Unknown). Every service runs at
     * start, but printing on rim-1, which is Disabled.
     */
    public void serviceState(String node, String service, String state) {
        services.set(node, service, state);
    }

    /** Back to the services at start. */
    public void resetServiceStates() {
        services.reset();
    }

    /** When true, the engine's health check reports {@code saturated: true} (CPU or memory above 90 %). */
    public void engineSaturated(boolean saturated) {
        engine.saturated(saturated);
    }

    /**
     * When true, the engine answers a new WebSocket with one text message that never ends (a fragment, then
     * continuation frames until the client hangs up) instead of OnConnected.
     */
    public void engineSendsEndlessMessage(boolean endless) {
        engine.endlessMessage(endless);
    }

    /** How long {@link Listener#SLOW} waits before answering ({@link #DEFAULT_SLOW_DELAY} unless set). */
    public void slowDelay(Duration delay) {
        this.slowDelay = delay;
    }

    /** The ports on one line, e.g. {@code {"qrs":4242,"qps":4243,...,"jwt-proxy":...}}. */
    public String portsJson() {
        Map<String, Integer> byId = new LinkedHashMap<>();
        for (Listener listener : Listener.values()) {
            byId.put(listener.id(), port(listener));
        }
        return Json.write(byId);
    }

    /**
     * Writes one example connection definition per listener (and a few extra fault cases) into
     * {@code files().connectionsDir()}, with absolute paths. Returns the files written.
     */
    public List<Path> writeExampleDefinitions() {
        return writeExampleDefinitions("localhost");
    }

    /** As {@link #writeExampleDefinitions()}, with another host name, e.g. {@code sense-sim} in docker. */
    public List<Path> writeExampleDefinitions(String host) {
        try {
            return ExampleDefinitions.write(this, host, files.connectionsDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every listener and thread. */
    @Override
    public void close() {
        for (AutoCloseable closeable : running) {
            try {
                closeable.close();
            } catch (Exception e) {
                // keep closing the others
            }
        }
        running.clear();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sense-sim-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
