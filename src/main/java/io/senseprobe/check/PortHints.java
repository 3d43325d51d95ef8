package io.senseprobe.check;

import io.senseprobe.definition.AuthType;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.Target;

/**
 * Hints that say which port serves what, for the failures a wrong port causes: a client certificate sent to a
 * proxy or engine port (404 for /qrs/about), a JWT sent to the repository's port (reset: it wants a client
 * certificate), a 500. Null when the failure says nothing about the port: the category's own hint then applies.
 */
final class PortHints {
    static final String PORTS = "the repository (QRS) answers /qrs/about on port 4242 with a client certificate; "
            + "4243 is the proxy API, 4747 the engine, 4244 the authentication port";
    static final String JWT_PORT = "A JWT goes through a virtual proxy, on its proxy's port (usually 443)";

    private PortHints() {
    }

    /** HTTP 404 without a virtual proxy prefix: with a client certificate, a port of another Sense service. */
    static String notFound(Definition d, int port) {
        if (d.target() != Target.QSEOW || !d.prefixPath().isEmpty()) {
            return null;
        }
        return d.authType() == AuthType.CERT
                ? "Port " + port + " answers, but not as the repository: " + PORTS + ". Use port 4242."
                : JWT_PORT + " with the prefix as virtual-proxy: check the port and the prefix.";
    }

    /** HTTP 500: the service behind the port failed; which one that is depends on the port the auth type needs. */
    static String serverError(Definition d, int port) {
        return switch (d.authType()) {
            case CERT -> "The service on port " + port + " failed on the request: " + PORTS
                    + ". Check that port " + port + " is 4242 and that the repository service runs (its log says why it failed).";
            case JWT -> "The virtual proxy on port " + port + " passed the request on and it failed there. "
                    + JWT_PORT + "; check that the proxy and repository services run (their logs say why).";
            case APIKEY -> "Qlik Cloud failed on the request; try again later, and see status.qlik.com.";
        };
    }

    /** A JWT connection that the server cut off during or right after the TLS handshake. */
    static String jwtCutOff(Definition d, int port) {
        return d.authType() != AuthType.JWT ? null
                : "Port " + port + " closed the connection: ports that want a client certificate (4242, the "
                        + "repository; 4243; 4747) do that without one. " + JWT_PORT + ": set the port to it.";
    }
}
