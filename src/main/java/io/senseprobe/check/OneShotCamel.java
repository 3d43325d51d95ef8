package io.senseprobe.check;

import io.senseprobe.files.AppResources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupSummaryLevel;
import org.apache.camel.TypeConverter;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.converter.DefaultTypeConverter;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * A minimal Camel context for the one-shot CLI: only the check route and its beans, no Camel Main scanning,
 * no inbox, inventory or management. Stopped by the caller as soon as the results are in.
 *
 * <p>Start-up is most of a one-shot's time, so the context skips what the check route does not use: the type
 * converters of modules the route never touches (Jackson, file, mail, attachments, Vert.x; each loader pulls in its
 * classes), the health-check and developer-console registries, modeline and source-location parsing, and the
 * startup summary.
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
        DefaultCamelContext context = new LeanContext();
        context.getCamelContextExtension().setName("sense-probe-cli");
        context.setLoadHealthChecks(false);
        context.setDevConsole(false);
        context.setModeline(false);
        context.setSourceLocationEnabled(false);
        context.setStartupSummaryLevel(StartupSummaryLevel.Off);
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

    /** A DefaultCamelContext with only the type converters of the modules the check route uses. */
    private static final class LeanContext extends DefaultCamelContext {
        /** Class-name prefixes of the converter loaders kept: Camel's own (strings, streams, stream cache) and HTTP's. */
        private static final List<String> KEPT_CONVERTERS = List.of("org.apache.camel.converter.",
                "org.apache.camel.component.http.", "org.apache.camel.http.");

        @Override
        protected TypeConverter createTypeConverter() {
            return new DefaultTypeConverter(getCamelContextReference(),
                    PluginHelper.getPackageScanClassResolver(getCamelContextReference()), getInjector(),
                    isLoadTypeConverters(), isTypeConverterStatisticsEnabled()) {
                @Override
                protected Collection<String> findTypeConverterLoaderClasses() throws IOException {
                    return super.findTypeConverterLoaderClasses().stream()
                            .filter(name -> KEPT_CONVERTERS.stream().anyMatch(name::startsWith)).toList();
                }
            };
        }

        @Override
        protected HealthCheckRegistry createHealthCheckRegistry() {
            return null;
        }

        @Override
        protected DevConsoleRegistry createDevConsoleRegistry() {
            return null;
        }
    }
}
