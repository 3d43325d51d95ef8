package io.senseprobe.sink.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.senseprobe.alert.AlertJson;
import io.senseprobe.alert.AlertMessage;

/**
 * A generic webhook: the result record's JSON, as the file sink writes it, with {@code alert}
 * ({@code failing|reminder|resolved}), {@code since} and {@code lastOk} added at its top level.
 */
public final class WebhookDestination implements AlertDestination {
    public static final String ID = "webhook";

    private final String url;
    private final JsonPoster poster;

    public WebhookDestination(String url, JsonPoster poster) {
        this.url = url;
        this.poster = poster;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void send(AlertMessage message) throws Exception {
        poster.post(ID, url, body(message));
    }

    public static ObjectNode body(AlertMessage message) {
        ObjectNode body = AlertJson.MAPPER.valueToTree(message.result());
        body.put("alert", message.kind().id());
        body.put("since", message.since());
        body.put("lastOk", message.lastOk());
        return body;
    }
}
