package io.senseprobe.definition;

/** Where a connection points: a client-managed Sense site or a Qlik Cloud tenant. */
public enum Target {
    QSEOW, QSCLOUD;

    public String id() {
        return name().toLowerCase();
    }
}
