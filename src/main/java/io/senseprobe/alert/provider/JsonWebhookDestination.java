package io.senseprobe.alert.provider;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.senseprobe.alert.AlertJson;
import io.senseprobe.alert.AlertMessage;
import org.apache.camel.Exchange;
import java.util.function.Function;
import org.apache.camel.Message;

/**
 * A destination that POSTs one JSON document to a URL; {@code payload} shapes the document ({@link SlackPayload},
 * {@link TeamsPayload}, {@link WebhookPayload}). The URL travels in the message's {@code CamelHttpUri} header, never
 * in an endpoint URI (see the route alert-post).
 */
record JsonWebhookDestination(String id, String url, Function<AlertMessage, ObjectNode> payload) implements AlertDestination {
    @Override
    public void request(AlertMessage message, Message request) {
        try {
            request.setBody(AlertJson.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(payload.apply(message)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not write the " + id + " payload", e);
        }
        request.setHeader(Exchange.HTTP_URI, url);
        request.setHeader(Exchange.HTTP_METHOD, "POST");
        request.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
    }

    // the URL is a secret (Slack and Teams put the credential in it)
    @Override
    public String toString() {
        return id + " destination";
    }
}
