package io.senseprobe.check.http;

import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpActivityListener;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-http hands the exchange to the HTTP client (in the request's context, which {@link CheckExecHandler} reads
 * the check from) only when the component has an activity listener: this is that listener. It logs each request's
 * method, path and status at trace (never headers or query: they carry credentials).
 */
final class ExchangeInContext implements HttpActivityListener {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeInContext.class);

    @Override
    public void onRequestSubmitted(Object source, Exchange exchange, HttpHost host, HttpRequest request, HttpEntity entity) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {}{}", request.getMethod(), host, pathOf(request));
        }
    }

    @Override
    public void onResponseReceived(Object source, Exchange exchange, HttpHost host, HttpResponse response,
            HttpEntity entity, long elapsed) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} answered {} after {} ms", host, response.getCode(), elapsed);
        }
    }

    private static String pathOf(HttpRequest request) {
        String path = request.getPath();
        int query = path == null ? -1 : path.indexOf('?');
        return query < 0 ? String.valueOf(path) : path.substring(0, query);
    }
}
