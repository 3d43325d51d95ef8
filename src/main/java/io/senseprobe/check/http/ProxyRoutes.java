package io.senseprobe.check.http;

import io.senseprobe.check.CheckAttempt;
import io.senseprobe.check.ExchangeProperties;
import io.senseprobe.check.ProxySettingException;
import io.senseprobe.definition.ProxyAddress;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * httpclient's route planner with the check's proxy ({@link ProxyEnvironment}): a route through a proxy is a
 * tunnelled route (CONNECT, then the check's own TLS inside), and the pools key connections by route and
 * credential, so tunnelled connections are pooled and reused like direct ones and never mixed with them.
 * The proxy used is left on the exchange for the failure classifier ({@link ExchangeProperties#PROXY}).
 */
final class ProxyRoutes extends DefaultRoutePlanner {
    private final ProxyEnvironment environment;

    ProxyRoutes(ProxyEnvironment environment) {
        super(DefaultSchemePortResolver.INSTANCE);
        this.environment = environment;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
        Exchange exchange = CheckExecHandler.exchangeOf(context);
        CheckAttempt attempt = exchange == null ? null : exchange.getProperty(ExchangeProperties.ATTEMPT, CheckAttempt.class);
        if (attempt == null) {
            return null;
        }
        ProxyAddress proxy;
        try {
            proxy = environment.proxyFor(attempt.definition(), target.getHostName());
        } catch (IllegalArgumentException e) {
            throw new ProxySettingException(e.getMessage());
        }
        if (proxy == null) {
            exchange.removeProperty(ExchangeProperties.PROXY);
            return null;
        }
        exchange.setProperty(ExchangeProperties.PROXY, proxy.host() + ":" + proxy.port());
        return new HttpHost("http", proxy.host(), proxy.port());
    }
}
