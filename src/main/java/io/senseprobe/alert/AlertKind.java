package io.senseprobe.alert;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why an alert message is sent; the id is the {@code alert} field of the webhook JSON and a template variable. */
public enum AlertKind {
    FAILING("failing"), REMINDER("reminder"), RESOLVED("resolved"),
    /** A certificate or credential reached a sense.expiry.warn-days threshold: once per threshold, never a failure. */
    EXPIRING("expiring");

    private final String id;

    AlertKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
