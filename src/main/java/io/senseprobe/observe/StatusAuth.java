package io.senseprobe.observe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The processor {@code statusAuth} in front of the status routes: with {@code sense.status.username} and
 * {@code .password} set, a request without those credentials (HTTP basic) gets 401 and a login prompt, and the route
 * stops there. Not Camel's own basic auth (camel.server.authentication-*): that reads the users from a properties file,
 * and the password would have to be written to disk in plain text.
 */
public final class StatusAuth implements Processor {
    public static final String BEAN = "statusAuth";

    private final byte[] expected;

    public StatusAuth(StatusSettings settings) {
        this.expected = settings.authRequired() ? ("Basic " + Base64.getEncoder().encodeToString(
                (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8) : null;
    }

    @Override
    public void process(Exchange exchange) {
        String given = exchange.getMessage().getHeader("Authorization", String.class);
        // the request's headers never go back out in the answer (platform-http echoes message headers)
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader("Cache-Control", "no-store");
        exchange.getMessage().setHeader("X-Content-Type-Options", "nosniff");
        if (expected == null || (given != null
                && MessageDigest.isEqual(expected, given.trim().getBytes(StandardCharsets.UTF_8)))) {
            return;
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
        exchange.getMessage().setHeader("WWW-Authenticate", "Basic realm=\"sense-probe\", charset=\"UTF-8\"");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getMessage().setBody("Log in with sense.status.username and sense.status.password.\n");
        exchange.setRouteStop(true);
    }
}
