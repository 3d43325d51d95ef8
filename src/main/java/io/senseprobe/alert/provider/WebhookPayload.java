package io.senseprobe.alert.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.senseprobe.alert.AlertJson;
import io.senseprobe.alert.AlertMessage;

/**
 * A generic webhook: the result record's JSON, as the file sink writes it, with {@code alert}
 * ({@code failing|reminder|resolved}), {@code since} and {@code lastOk} added at its top level.
 */
final class WebhookPayload {
    private WebhookPayload() {
    }

    static ObjectNode of(AlertMessage message) {
        ObjectNode body = AlertJson.MAPPER.valueToTree(message.result());
        body.put("alert", message.kind().id());
        body.put("since", message.since());
        body.put("lastOk", message.lastOk());
        return body;
    }
}
