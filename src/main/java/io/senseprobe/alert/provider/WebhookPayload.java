package io.senseprobe.alert.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.senseprobe.alert.AlertJson;
import io.senseprobe.alert.AlertMessage;

/**
 * A generic webhook: the result record's JSON, as the file sink writes it, with {@code alert}
 * ({@code failing|reminder|resolved}), {@code since} and {@code lastOk} added at its top level. A grouped message
 * is {@code {"alert": ..., "count": n, "subject": ..., "alerts": [one such record per connection, sorted]}}: every
 * connection of the group, also those past {@code sense.alert.group-max} (that limit is for the texts people read).
 */
final class WebhookPayload {
    private WebhookPayload() {
    }

    static ObjectNode of(AlertMessage message) {
        if (message.hasGroup()) {
            ObjectNode body = AlertJson.MAPPER.createObjectNode();
            body.put("alert", message.kind().id());
            body.put("count", message.group().size());
            body.put("subject", message.subject());
            ArrayNode alerts = body.putArray("alerts");
            message.group().forEach(m -> alerts.add(of(m)));
            return body;
        }
        ObjectNode body = AlertJson.MAPPER.valueToTree(message.result());
        body.put("alert", message.kind().id());
        body.put("since", message.since());
        body.put("lastOk", message.lastOk());
        if (!message.affected().isEmpty()) {
            message.affected().forEach(body.putArray("affected")::add);
        }
        return body;
    }
}
