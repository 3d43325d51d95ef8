package io.senseprobe.check;

import io.senseprobe.auth.TlsContexts;
import io.senseprobe.definition.AuthType;
import io.senseprobe.definition.Definition;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Prepares one HTTPS request of a check: the credential's TLS material (the HTTP client picks its TLS context and
 * pooled connection from it, see {@code CheckHttpClient}), the site's address in {@code CamelHttpUri}, then only the
 * headers Sense should see — camel-http sends every message header.
 * cert: X-Qlik-User; jwt and apikey: a bearer token; QRS/QPS calls: a fresh xrfkey in query and header.
 */
public record AuthProcessor(TlsContexts tlsContexts) implements Processor {
    @Override
    public void process(Exchange exchange) throws Exception {
        CheckAttempt attempt = exchange.getProperty(ExchangeProperties.ATTEMPT, CheckAttempt.class);
        Definition d = attempt.definition();
        attempt.useTlsOf(tlsContexts);
        exchange.setProperty(ExchangeProperties.AGAIN, false);

        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(null);
        // one endpoint serves every site: the address of this one travels with the message
        message.setHeader(Exchange.HTTP_URI, "https://" + attempt.address());
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader(Exchange.HTTP_PATH, attempt.path());
        String query = attempt.query();
        if (attempt.check().usesXrfkey()) {
            String key = Xrfkey.next();
            query = query.isEmpty() ? "xrfkey=" + key : query + "&xrfkey=" + key;
            message.setHeader("X-Qlik-Xrfkey", key);
        }
        if (!query.isEmpty()) {
            message.setHeader(Exchange.HTTP_QUERY, query);
        }
        message.setHeader("Accept", "application/json");
        if (d.authType() == AuthType.CERT) {
            message.setHeader("X-Qlik-User", qlikUser(d));
        } else {
            message.setHeader("Authorization", "Bearer " + (d.authType() == AuthType.JWT ? d.jwt() : d.apikey()).reveal());
        }
    }

    /** {@code UserDirectory=D; UserId=U}, URL-encoded as Sense reads it. */
    static String qlikUser(Definition d) {
        return "UserDirectory=" + encode(d.userDir()) + "; UserId=" + encode(d.userId());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
