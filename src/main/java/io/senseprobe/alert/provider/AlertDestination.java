package io.senseprobe.alert.provider;

import io.senseprobe.alert.AlertDelivery;
import io.senseprobe.alert.AlertMessage;
import org.apache.camel.Exchange;

/**
 * Where alerts go. One small class per destination (its settings and the request it builds); its route in
 * routes/alerts.camel.yaml sends the request. Adding one means a class, a line in {@link AlertDestinations} and a route.
 */
public interface AlertDestination {
    /** Stable id, used in spool file names, logs and route names: {@code email}, {@code slack}, {@code teams}, {@code webhook}. */
    String id();

    /** The bean method the route calls: the request (body and headers) for the message being delivered. */
    default void prepare(Exchange exchange) {
        request(exchange.getProperty(AlertDelivery.MESSAGE, AlertMessage.class), exchange.getMessage());
    }

    /** Sets body and headers of {@code request} for the message. */
    void request(AlertMessage message, org.apache.camel.Message request);
}
