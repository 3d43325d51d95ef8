package io.senseprobe.sink.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.senseprobe.alert.AlertMessage;

/** A destination that POSTs one JSON document to a URL; each subclass only shapes the document. */
abstract class JsonWebhookDestination implements AlertDestination {
    private final String id;
    private final String url;
    private final JsonPoster poster;

    JsonWebhookDestination(String id, String url, JsonPoster poster) {
        this.id = id;
        this.url = url;
        this.poster = poster;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final void send(AlertMessage message) throws Exception {
        poster.post(id, url, payload(message));
    }

    abstract ObjectNode payload(AlertMessage message);
}
