package io.senseprobe.check.http;

import io.senseprobe.check.CheckAttempt;
import io.senseprobe.check.ExchangeProperties;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.TunnelRefusedException;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First in the HTTP client's chain for every request of a check:
 * <ul>
 * <li>pool key: the credential's key as the connection's user token, so a pooled connection opened with one client
 * certificate (or trust setting) only ever carries requests of that same credential;</li>
 * <li>TLS: the credential's material for {@link CredentialTlsStrategy} should a new connection be needed;</li>
 * <li>deadline: every timeout is what is left of the check's own, and at the deadline the request is aborted (its
 * connection closed, so even a server that trickles bytes frees the worker);</li>
 * <li>body: read up to 1 MiB, past that the connection is dropped and the check fails ({@link BoundedEntity});</li>
 * <li>a proxy's refusal of the tunnel: an exception, never taken for the site's answer;</li>
 * <li>a kept-alive connection the server closed while idle: tried once more on a fresh connection, since that race
 * says nothing about the site.</li>
 * </ul>
 */
record CheckExecHandler(Deadlines deadlines) implements ExecChainHandler {
    static final String NAME = "sense-check";
    // camel-http puts the exchange here when the component has an activity listener (see ExchangeInContext)
    static final String EXCHANGE = "org.apache.camel.Exchange";
    private static final Logger LOG = LoggerFactory.getLogger(CheckExecHandler.class);

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        CheckAttempt attempt = attemptOf(scope.clientContext);
        if (attempt == null || attempt.tls() == null) {
            return chain.proceed(request, scope);
        }
        if (attempt.timedOut()) {
            throw new InterruptedIOException("The check's deadline passed before the request was sent");
        }
        HttpClientContext context = scope.clientContext;
        context.setUserToken(attempt.tls().key());
        context.setAttribute(CredentialTlsStrategy.MATERIAL, attempt.tls());
        context.setAttribute(CredentialTlsStrategy.SEEN, attempt.tlsSeen());
        Timeout left = Timeout.ofMilliseconds(Math.max(1, attempt.remainingMillis()));
        context.setRequestConfig(RequestConfig.copy(context.getRequestConfigOrDefault())
                .setConnectionRequestTimeout(left).setConnectTimeout(left).setResponseTimeout(left).build());
        if (scope.originalRequest instanceof Cancellable cancellable) {
            attempt.requestStarted(cancellable);
        }
        deadlines.arm(attempt);
        try {
            return bounded(refusedTunnel(chain.proceed(request, scope), scope), scope, attempt);
        } catch (IOException e) {
            if (!closedWhileIdle(e, context) || attempt.timedOut() || scope.execRuntime.isExecutionAborted()) {
                throw e;
            }
            LOG.debug("Connection {}: the pooled connection was closed by the server; once more on a new one",
                    attempt.definition().name());
            context.removeAttribute(CredentialTlsStrategy.NEW_CONNECTION);
            return bounded(chain.proceed(ClassicRequestBuilder.copy(scope.originalRequest).build(), scope), scope, attempt);
        } finally {
            attempt.tlsSeen().sessionUsed(context.getSSLSession());
        }
    }

    /**
     * httpclient hands back a proxy's refusal of CONNECT as if it were the site's answer (ConnectExec returns it),
     * so a 403 of the proxy would read as the site refusing the credentials. Every answer of the site comes over
     * TLS, so a tunnelled route without a TLS session got the proxy's answer: it is thrown as what it is.
     */
    private static ClassicHttpResponse refusedTunnel(ClassicHttpResponse response, ExecChain.Scope scope) throws IOException, HttpException {
        if (!scope.route.isTunnelled() || scope.clientContext.getSSLSession() != null) {
            return response;
        }
        response.close();
        throw new TunnelRefusedException(response);
    }

    private static ClassicHttpResponse bounded(ClassicHttpResponse response, ExecChain.Scope scope, CheckAttempt attempt) {
        // no total time: the check's Deadlines abort the request at its timeout
        return BoundedEntity.bound(response, scope.execRuntime, attempt.path(), null);
    }

    /** A pooled connection (none was opened for this request) that died before any answer came. */
    private static boolean closedWhileIdle(IOException e, HttpClientContext context) {
        boolean pooled = context.getAttribute(CredentialTlsStrategy.NEW_CONNECTION) == null;
        boolean noAnswer = e instanceof NoHttpResponseException
                || (e instanceof SocketException && !(e instanceof ConnectException));
        return pooled && noAnswer;
    }

    private static CheckAttempt attemptOf(HttpClientContext context) {
        Exchange exchange = exchangeOf(context);
        return exchange == null ? null : exchange.getProperty(ExchangeProperties.ATTEMPT, CheckAttempt.class);
    }

    static Exchange exchangeOf(org.apache.hc.core5.http.protocol.HttpContext context) {
        return context.getAttribute(EXCHANGE) instanceof Exchange e ? e : null;
    }
}
