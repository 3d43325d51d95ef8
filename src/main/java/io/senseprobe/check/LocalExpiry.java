package io.senseprobe.check;

import io.senseprobe.auth.TlsContexts;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The check route's step before the first request: reads the credential's TLS material and, when the client
 * certificate, root.pem, the JWT or the API key has expired, ends the check with a {@code credential-expired} result
 * instead of sending what the server must refuse (the loop of requests then does not run).
 */
public record LocalExpiry(TlsContexts tlsContexts, ResultFactory results) implements Processor {
    @Override
    public void process(Exchange exchange) throws Exception {
        CheckAttempt attempt = exchange.getProperty(ExchangeProperties.ATTEMPT, CheckAttempt.class);
        attempt.useTlsOf(tlsContexts);
        results.expiredBeforeConnecting(attempt).ifPresent(expired -> {
            exchange.setProperty(ExchangeProperties.AGAIN, false);
            exchange.getMessage().setBody(expired);
        });
    }
}
