package io.senseprobe.alert;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why an alert message is sent; the id is the {@code alert} field of the webhook JSON and a template variable. */
public enum AlertKind {
    FAILING("failing"), REMINDER("reminder"), RESOLVED("resolved");

    private final String id;

    AlertKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
