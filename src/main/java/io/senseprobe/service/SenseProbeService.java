package io.senseprobe.service;

import io.senseprobe.files.AppResources;
import io.senseprobe.files.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running service: Camel Main with the check, inbox, inventory, sinks and alerts routes, configured from
 * {@code config/application.properties} (the app home's file replaces the packaged one). {@link #start} returns
 * once every route runs; the CLI's {@code run} then waits for {@link #stop}.
 */
public final class SenseProbeService implements AutoCloseable {
    public static final String PROPERTIES = "config/application.properties";
    private static final Logger LOG = LoggerFactory.getLogger(SenseProbeService.class);

    private final Main main;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopSaid = new AtomicBoolean();

    private SenseProbeService(Main main) {
        this.main = main;
    }

    public static SenseProbeService start(Path appHome, Map<String, String> overrides,
            Function<Clock, CamelConfiguration> checkBeans) throws Exception {
        return start(appHome, overrides, checkBeans, Clock.systemUTC());
    }

    /**
     * @param overrides properties that win over the file (tests use them for short durations)
     * @param checkBeans binds the check route's beans with the clock (the wiring above this package)
     * @throws InvalidSettingsException with every problem, when the configuration is invalid
     */
    public static SenseProbeService start(Path appHome, Map<String, String> overrides,
            Function<Clock, CamelConfiguration> checkBeans, Clock clock) throws Exception {
        Path home = appHome.toAbsolutePath().normalize();
        Main main = new Main();
        String properties = AppResources.location(home, PROPERTIES);
        main.setPropertyPlaceholderLocations(properties);
        EnvironmentOverrides.of(AppResources.open(properties), System::getenv).forEach(main::addOverrideProperty);
        overrides.forEach(main::addOverrideProperty);
        // explicit configuration classes: scanning a fat jar's packages costs seconds at every start
        main.configure().addConfiguration(checkBeans.apply(clock));
        main.configure().addConfiguration(new ServiceBeans(home, clock));
        List<String> routes = ServiceRoutes.locations(home);
        main.configure().setRoutesIncludePattern(String.join(",", routes));
        try {
            main.start();
        } catch (Exception e) {
            stopQuietly(main);
            InvalidSettingsException invalid = findInvalidSettings(e);
            throw invalid != null ? invalid : e;
        }
        SenseProbeService service = new SenseProbeService(main);
        LOG.info("sense-probe {} service started: inbox {}, connections {}, results {}; routes {}", Version.get(),
                service.settings().inboxDir(), service.settings().connectionsDir(), service.settings().resultsDir(), routes);
        return service;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public ServiceSettings settings() {
        return context().getRegistry().lookupByNameAndType(ServiceBeans.SETTINGS, ServiceSettings.class);
    }

    /** Blocks until {@link #stop()} (the CLI's shutdown hook calls it). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops the routes (the CLI's shutdown hook calls it on SIGTERM and Ctrl-C) and says so once. */
    public void stop() {
        try {
            main.stop();
        } finally {
            if (stopSaid.compareAndSet(false, true)) {
                LOG.info("sense-probe service stopped.");
            }
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void stopQuietly(Main main) {
        try {
            main.stop();
        } catch (RuntimeException ignored) {
            // already failing; the start failure is what the caller needs
        }
    }

    private static InvalidSettingsException findInvalidSettings(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingsException invalid) {
                return invalid;
            }
        }
        return null;
    }

    /**
     * The results folder the service of {@code appHome} uses ({@code sense.results.dir} of its properties or its
     * environment variable; {@code out/} by default), for commands that share files with it ({@code silence}).
     */
    public static Path resultsDir(Path appHome) throws IOException {
        Path home = appHome.toAbsolutePath().normalize();
        String location = AppResources.location(home, PROPERTIES);
        Properties file = new Properties();
        try (InputStream in = AppResources.open(location)) {
            file.load(in);
        }
        Map<String, String> env;
        try (InputStream in = AppResources.open(location)) {
            env = EnvironmentOverrides.of(in, System::getenv);
        }
        String value = env.getOrDefault(ServiceSettings.RESULTS_DIR, file.getProperty(ServiceSettings.RESULTS_DIR));
        return home.resolve(value == null || value.isBlank() ? "out" : value.trim()).toAbsolutePath().normalize();
    }
}
