package io.senseprobe.check.http;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;

/**
 * The HTTP side of every check: one camel-http endpoint and one HttpClient for all sites and credentials (not an
 * endpoint, client, pool and threads per TLS context, which at 1,000 connections meant 1,000 of each), over a
 * connection pool per credential ({@link CredentialPools}).
 * The pool key follows the credential ({@link CheckExecHandler}), the TLS context of a new connection too
 * ({@link CredentialTlsStrategy}), so pooled mutual-TLS connections are reused across ticks without ever carrying
 * another definition's request. Idle connections are closed after {@link #IDLE}; a connection idle for over a
 * second is checked before reuse (the server may have closed it). Qlik Cloud and JWT checks go through an HTTPS
 * proxy when the environment or the definition names one ({@link ProxyRoutes}), over the same pools.
 */
public final class CheckHttpClient {
    /** Per credential: enough for one kept-alive connection per site of a large inventory. */
    static final int MAX_CONNECTIONS = 5_000;
    static final TimeValue IDLE = TimeValue.ofMinutes(5);
    private static final int BUFFER_BYTES = 2048;
    /** Status and header lines, and chunk headers: a server sending one endless line fails at this length. */
    static final int MAX_LINE_BYTES = 32 * 1024;
    /** Sense sends about 15 headers; a server sending headers without end fails at this count. */
    static final int MAX_HEADERS = 100;

    private final CredentialPools pools;

    private CheckHttpClient(CredentialPools pools) {
        this.pools = pools;
    }

    /** Sets up the context's {@code https} component for the check route; idle connections are swept every minute. */
    public static CheckHttpClient install(CamelContext context) {
        // the proxy variables of the process; a test binds its own ProxyEnvironment
        ProxyEnvironment proxies = context.getRegistry().findSingleByType(ProxyEnvironment.class);
        CredentialPools pools = new CredentialPools(() -> PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(new CredentialTlsStrategy())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
                .setConnPoolPolicy(PoolReusePolicy.LIFO)
                .setMaxConnTotal(MAX_CONNECTIONS)
                // one credential, many sites: the limit is per pool, not per site
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                // Sense answers a check in a few hundred bytes: small buffers, since a thousand connections stay open
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom().setBufferSize(BUFFER_BYTES)
                                // every read is bounded: the head here, the body by BoundedEntity, time by Deadlines
                                .setMaxLineLength(MAX_LINE_BYTES).setMaxHeaderCount(MAX_HEADERS).build()).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1)).build())
                .build());
        ScheduledExecutorService timer = context.getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(CheckHttpClient.class, "sense-deadlines");
        Deadlines deadlines = new Deadlines(timer);
        timer.scheduleWithFixedDelay(() -> pools.closeIdle(IDLE), 1, 1, TimeUnit.MINUTES);

        HttpComponent https = context.getComponent("https", HttpComponent.class);
        // camel-http closes a component-level pool when the context stops
        https.setClientConnectionManager(pools);
        https.setHttpActivityListener(new ExchangeInContext());
        ProxyRoutes routes = new ProxyRoutes(proxies != null ? proxies : ProxyEnvironment.system());
        // camel-http calls the configurer after its own proxy setting (none is configured), so these routes win
        https.setHttpClientConfigurer(builder -> builder.addExecInterceptorFirst(CheckExecHandler.NAME,
                new CheckExecHandler(deadlines)).setRoutePlanner(routes));
        return new CheckHttpClient(pools);
    }

    /** Connections open now, leased or idle (tests and metrics: the pool follows the inventory). */
    public int openConnections() {
        return pools.openConnections();
    }
}
