package io.senseprobe.check;

import io.senseprobe.files.AppResources;
import java.nio.file.Path;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * A minimal Camel context for the one-shot CLI: only the check route and its beans, no Camel Main scanning,
 * no inbox, inventory or management. Stopped by the caller as soon as the results are in.
 */
public final class OneShotCamel implements AutoCloseable {
    public static final String CHECK_ROUTE = "routes/check.camel.yaml";

    private final CamelContext context;
    private final CheckRunner runner;

    private OneShotCamel(CamelContext context, int concurrency) {
        this.context = context;
        this.runner = new CheckRunner(context, "check", concurrency);
    }

    /** For one check at a time (connection-test). */
    public static OneShotCamel start(Path appHome, CamelConfiguration beans) throws Exception {
        return start(appHome, beans, CheckRunner.DEFAULT_CONCURRENCY);
    }

    public static OneShotCamel start(Path appHome, CamelConfiguration beans, int concurrency) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("sense-probe-cli");
        // Every check ends by its deadline (the HTTP client aborts the request), and the runner waits for all of them
        // before stopping, so nothing is in flight at stop. Should that ever break, exit after 1 s (Camel's default
        // wait is 45 s) and let the shutdown strategy's warning show it: muting it would hide the bug.
        context.getShutdownStrategy().setTimeout(1);
        context.getShutdownStrategy().setShutdownNowOnTimeout(true);
        beans.configure(context);
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, AppResources.location(appHome, CHECK_ROUTE)));
        context.start();
        return new OneShotCamel(context, concurrency);
    }

    public CheckRunner runner() {
        return runner;
    }

    public CamelContext context() {
        return context;
    }

    @Override
    public void close() {
        context.stop();
    }
}
