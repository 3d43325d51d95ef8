package io.senseprobe.alert.provider;

import io.senseprobe.check.ExchangeProperties;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The bean {@code alertHttpAnswer}: fails the POST on anything but 2xx. The error names the destination id, never the
 * URL (which holds the token for Slack and Teams).
 */
final class HttpAnswer implements Processor {
    @Override
    public void process(Exchange exchange) throws IOException {
        Message response = exchange.getMessage();
        int status = response.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status < 200 || status > 299) {
            String body = response.getBody(String.class);
            String answer = body == null ? "" : body.strip();
            throw new IOException(exchange.getProperty(ExchangeProperties.ALERT_DESTINATION, String.class) + " answered HTTP " + status
                    + (answer.isEmpty() ? "" : ": " + (answer.length() > 200 ? answer.substring(0, 200) + "…" : answer)));
        }
    }
}
