package io.senseprobe.check;

import io.senseprobe.definition.Definition;
import io.senseprobe.logging.Secrets;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The check route's first step: the body is a {@link CheckStep} (or a Definition: its default check); the attempt
 * (and with it the deadline) starts now, on the worker that runs the check, never while the check waits in a queue.
 */
public record CheckStart(ResultFactory results) implements Processor {
    @Override
    public void process(Exchange exchange) throws Exception {
        Object body = exchange.getMessage().getBody();
        CheckStep step = body instanceof CheckStep s ? s
                : new CheckStep(exchange.getMessage().getMandatoryBody(Definition.class), null);
        Definition definition = step.definition();
        SenseCheck check = step.check() != null ? step.check() : SenseCheck.of(definition.target());
        definition.secrets().forEach(Secrets::register);
        exchange.setProperty(ExchangeProperties.ATTEMPT, new CheckAttempt(definition, check, results.clock().instant()));
        exchange.setProperty(ExchangeProperties.AGAIN, true);
    }
}
