package io.senseprobe.alert.provider;

import io.senseprobe.alert.AlertDelivery;
import io.senseprobe.alert.AlertMessage;
import org.apache.camel.Exchange;

/**
 * Where alerts go. One small class per kind of destination (its settings and the request it builds); the route each
 * destination id gets from the template alert-destination in routes/alerts.camel.yaml sends the request. Adding a
 * kind means a class and a line in {@link AlertDestinations}.
 */
public interface AlertDestination {
    /**
     * Stable id, used in spool file names, logs, route names and {@code alert-to}: {@code email}, {@code slack},
     * {@code teams}, {@code webhook}, or a named destination's id.
     */
    String id();

    /** The bean method the route calls: the request (body and headers) for the message being delivered. */
    default void prepare(Exchange exchange) {
        request(exchange.getProperty(AlertDelivery.MESSAGE, AlertMessage.class), exchange.getMessage());
    }

    /** Sets body and headers of {@code request} for the message. */
    void request(AlertMessage message, org.apache.camel.Message request);
}
