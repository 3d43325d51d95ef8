package io.senseprobe.check.http;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.io.LeaseRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One httpclient pool per credential (the lease's state is the credential's key, see {@link CheckExecHandler}).
 * A single pool would do, but it keeps a site's idle connections in one list and scans it for the credential on
 * every lease: with a thousand credentials on one site, a sweep costs a million comparisons. Here a lease only
 * sees its own credential's connections. Each endpoint is handed back to the pool it came from.
 */
final class CredentialPools implements HttpClientConnectionManager {
    private static final Object NO_CREDENTIAL = new Object();

    private final Supplier<PoolingHttpClientConnectionManager> newPool;
    private final Map<Object, PoolingHttpClientConnectionManager> pools = new ConcurrentHashMap<>();
    private final Map<ConnectionEndpoint, PoolingHttpClientConnectionManager> owners = new ConcurrentHashMap<>();

    CredentialPools(Supplier<PoolingHttpClientConnectionManager> newPool) {
        this.newPool = newPool;
    }

    @Override
    public LeaseRequest lease(String id, HttpRoute route, Timeout requestTimeout, Object state) {
        PoolingHttpClientConnectionManager pool = pools.computeIfAbsent(state == null ? NO_CREDENTIAL : state,
                key -> newPool.get());
        LeaseRequest request = pool.lease(id, route, requestTimeout, state);
        return new LeaseRequest() {
            @Override
            public ConnectionEndpoint get(Timeout timeout) throws InterruptedException, ExecutionException, TimeoutException {
                ConnectionEndpoint endpoint = request.get(timeout);
                owners.put(endpoint, pool);
                return endpoint;
            }

            @Override
            public boolean cancel() {
                return request.cancel();
            }
        };
    }

    @Override
    public void release(ConnectionEndpoint endpoint, Object newState, TimeValue validDuration) {
        PoolingHttpClientConnectionManager pool = owners.remove(endpoint);
        if (pool != null) {
            pool.release(endpoint, newState, validDuration);
        }
    }

    @Override
    public void connect(ConnectionEndpoint endpoint, TimeValue connectTimeout, HttpContext context) throws IOException {
        ownerOf(endpoint).connect(endpoint, connectTimeout, context);
    }

    @Override
    public void upgrade(ConnectionEndpoint endpoint, HttpContext context) throws IOException {
        ownerOf(endpoint).upgrade(endpoint, context);
    }

    private PoolingHttpClientConnectionManager ownerOf(ConnectionEndpoint endpoint) {
        PoolingHttpClientConnectionManager pool = owners.get(endpoint);
        if (pool == null) {
            throw new IllegalStateException("Endpoint not leased from these pools: " + endpoint);
        }
        return pool;
    }

    void closeIdle(TimeValue idle) {
        pools.values().forEach(pool -> {
            pool.closeExpired();
            pool.closeIdle(idle);
        });
    }

    int openConnections() {
        return pools.values().stream().map(PoolingHttpClientConnectionManager::getTotalStats)
                .mapToInt(stats -> stats.getLeased() + stats.getAvailable()).sum();
    }

    @Override
    public void close(CloseMode closeMode) {
        pools.values().forEach(pool -> pool.close(closeMode));
    }

    @Override
    public void close() {
        close(CloseMode.GRACEFUL);
    }
}
