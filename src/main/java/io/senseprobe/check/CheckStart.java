package io.senseprobe.check;

import io.senseprobe.definition.Definition;
import io.senseprobe.logging.Secrets;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The check route's first step: the body is the Definition; the attempt (and with it the deadline) starts now,
 * on the worker that runs the check, never while the check waits in a queue.
 */
public record CheckStart(ResultFactory results) implements Processor {
    @Override
    public void process(Exchange exchange) throws Exception {
        Definition definition = exchange.getMessage().getMandatoryBody(Definition.class);
        definition.secrets().forEach(Secrets::register);
        exchange.setProperty(ExchangeProperties.ATTEMPT, new CheckAttempt(definition, SenseCheck.of(definition.target()), results.clock().instant()));
        exchange.setProperty(ExchangeProperties.AGAIN, true);
    }
}
