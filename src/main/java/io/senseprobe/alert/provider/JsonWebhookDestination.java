package io.senseprobe.alert.provider;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.senseprobe.alert.AlertJson;
import io.senseprobe.alert.AlertMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * A destination that POSTs one JSON document to a URL; each subclass only shapes the document. The URL travels in the
 * message's {@code CamelHttpUri} header, never in an endpoint URI (see the route alert-post).
 */
abstract class JsonWebhookDestination implements AlertDestination {
    private final String id;
    private final String url;

    JsonWebhookDestination(String id, String url) {
        this.id = id;
        this.url = url;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final void request(AlertMessage message, Message request) {
        try {
            request.setBody(AlertJson.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(payload(message)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not write the " + id + " payload", e);
        }
        request.setHeader(Exchange.HTTP_URI, url);
        request.setHeader(Exchange.HTTP_METHOD, "POST");
        request.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
    }

    abstract ObjectNode payload(AlertMessage message);
}
