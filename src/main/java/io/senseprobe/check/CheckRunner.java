package io.senseprobe.check;

import io.senseprobe.definition.Definition;
import io.senseprobe.definition.Target;
import io.senseprobe.logging.Secrets;
import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/**
 * Sends a definition through the {@code check} route and holds the definition's timeout as one overall deadline:
 * connect, TLS, retries and body. When the deadline passes first, the result is a timeout whatever the route does.
 */
public final class CheckRunner {
    public static final String ROUTE = "direct:check";
    // lets the socket timeouts (set to the same value) report first, with the sharper message
    private static final long GRACE_MS = 250;

    private final CamelContext camelContext;
    private final ResultFactory results;
    private final ProducerTemplate producer;

    public CheckRunner(CamelContext camelContext, ResultFactory results) {
        this.camelContext = camelContext;
        this.results = results;
        this.producer = camelContext.createProducerTemplate();
        // a check holds its thread while it waits on the network: the template's default pool (10 threads, then a
        // queue) would hold checks beyond the tenth back while their deadlines run, and report healthy servers as timeouts
        this.producer.setExecutorService(camelContext.getExecutorServiceManager().newCachedThreadPool(this, "sense-check"));
    }

    public static SenseCheck checkFor(Definition d) {
        return d.target() == Target.QSCLOUD ? new UsersMeCheck() : new QrsAboutCheck();
    }

    public CompletableFuture<CheckResult> start(Definition definition) {
        definition.secrets().forEach(Secrets::register);
        CheckAttempt attempt = new CheckAttempt(definition, checkFor(definition), results.clock().instant());
        Exchange exchange = new DefaultExchange(camelContext);
        exchange.setProperty(CheckAttempt.PROPERTY, attempt);
        exchange.setProperty(CheckAttempt.AGAIN, true);
        return producer.asyncSend(ROUTE, exchange)
                .thenApply(done -> resultOf(attempt, done))
                .completeOnTimeout(null, attempt.timeoutMillis() + GRACE_MS, TimeUnit.MILLISECONDS)
                .thenApply(result -> result != null ? result : results.failed(attempt, Category.TIMEOUT,
                        "No answer from " + definition.host() + " on port " + definition.port() + " within "
                                + attempt.timeoutMillis() + " ms.", null));
    }

    public CheckResult run(Definition definition) {
        return start(definition).join();
    }

    /** Checks every definition at once; the results in the definitions' order. */
    public List<CheckResult> runAll(List<Definition> definitions) {
        List<CompletableFuture<CheckResult>> running = definitions.stream().map(this::start).toList();
        return running.stream().map(CompletableFuture::join).toList();
    }

    private CheckResult resultOf(CheckAttempt attempt, Exchange done) {
        Object body = done.getMessage().getBody();
        if (body instanceof CheckResult result) {
            return result;
        }
        // the route ends with a result; anything else is our bug, reported rather than lost
        Throwable failure = done.getException();
        return results.failed(attempt, Category.HTTP_ERROR, "The check ended without a result"
                + (failure == null ? "" : ": " + failure.getMessage()) + ".", "Report this as a sense-probe bug.");
    }
}
