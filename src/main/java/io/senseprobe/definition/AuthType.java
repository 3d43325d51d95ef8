package io.senseprobe.definition;

/** How sense-probe authenticates: client certificate, JWT through a virtual proxy, or a Qlik Cloud API key. */
public enum AuthType {
    CERT, JWT, APIKEY;

    public String id() {
        return name().toLowerCase();
    }
}
