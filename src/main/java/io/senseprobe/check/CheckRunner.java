package io.senseprobe.check;

import io.senseprobe.definition.Definition;
import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultExchange;

/**
 * Runs many definitions through the {@code check} route on a bounded pool (the CLI's {@code check} and an inbox
 * file): at most {@code concurrency} checks at once, each check's deadline starting when a worker takes it.
 * The deadline itself is held by the HTTP client (see {@code CheckHttpClient}), which aborts the request.
 */
public final class CheckRunner {
    public static final String ROUTE = "direct:check";
    /** sense.check.concurrency and check --concurrency when not given. */
    public static final int DEFAULT_CONCURRENCY = 8;

    private final CamelContext camelContext;
    private final ProducerTemplate producer;
    private final ExecutorService workers;

    public CheckRunner(CamelContext camelContext, String name, int concurrency) {
        this.camelContext = camelContext;
        this.producer = camelContext.createProducerTemplate();
        this.workers = workers(camelContext, this, name, concurrency);
    }

    /**
     * A pool of {@code size} check workers whose queue holds every check waiting its turn: Camel's default queue of
     * 1,000 would make the caller (the inventory timer) run checks itself past that. Camel shuts it down with the context.
     */
    public static ExecutorService workers(CamelContext context, Object source, String name, int size) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(size);
        profile.setMaxPoolSize(size);
        profile.setKeepAliveTime(0L);
        profile.setAllowCoreThreadTimeOut(false);
        profile.setMaxQueueSize(-1);
        return context.getExecutorServiceManager().newThreadPool(source, name, profile);
    }

    /** The definition's default check on the calling thread (its {@code checks:} list aside). */
    public CheckResult run(Definition definition) {
        return run(new CheckStep(definition, SenseCheck.of(definition.target())));
    }

    /** Every check of the definition, one after the other on the calling thread. */
    public List<CheckResult> runChecks(Definition definition) {
        return CheckStep.of(definition).stream().map(this::run).toList();
    }

    /** One check on the calling thread. */
    public CheckResult run(CheckStep step) {
        Definition definition = step.definition();
        Exchange exchange = new DefaultExchange(camelContext);
        exchange.getMessage().setBody(step);
        Exchange done = producer.send(ROUTE, exchange);
        if (done.getMessage().getBody() instanceof CheckResult result) {
            return result;
        }
        // the route ends with a result; anything else is our bug, reported rather than lost
        Throwable failure = done.getException();
        CheckAttempt attempt = done.getProperty(ExchangeProperties.ATTEMPT, CheckAttempt.class);
        ResultFactory results = camelContext.getRegistry().lookupByNameAndType("resultFactory", ResultFactory.class);
        if (attempt == null) {
            attempt = new CheckAttempt(definition, step.check(), results.clock().instant());
        }
        return results.failed(attempt, Category.INTERNAL_ERROR, "The check ended without a result"
                + (failure == null ? "" : " (" + failure.getClass().getSimpleName() + ")") + ".", null);
    }

    /** Every check of every definition, at most {@code concurrency} at once; the results in the definitions' order. */
    public List<CheckResult> runAll(List<Definition> definitions) {
        List<CompletableFuture<CheckResult>> running = CheckStep.ofAll(definitions).stream()
                .map(d -> CompletableFuture.supplyAsync(() -> run(d), workers)).toList();
        return running.stream().map(CompletableFuture::join).toList();
    }
}
