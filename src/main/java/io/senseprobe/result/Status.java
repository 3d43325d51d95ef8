package io.senseprobe.result;

import com.fasterxml.jackson.annotation.JsonValue;

/** Outcome of one check. A warning (from the expiry checks to come) still exits 0. */
public enum Status {
    OK, WARNING, FAILED;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }
}
