package io.senseprobe.service;

import io.senseprobe.alert.AlertService;
import io.senseprobe.alert.provider.AlertDestinations;
import io.senseprobe.check.CheckRunner;
import io.senseprobe.check.ResultFactory;
import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.sink.JsonLinesSink;
import io.senseprobe.sink.LogSink;
import io.senseprobe.sink.StatusSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;

/**
 * Binds the service's beans for the inbox, inventory and sinks routes. Runs after {@code SenseProbeBeans} (it
 * needs the result factory) and before the routes are loaded: the settings are validated here, and the values
 * the routes need in their URIs are added as {@code sense.service.*} properties. Only core Camel EIPs and the
 * components the pom declares are used.
 */
public final class ServiceBeans implements CamelConfiguration {
    public static final String SETTINGS = "serviceSettings";

    private final Path appHome;
    private final Clock clock;

    public ServiceBeans(Path appHome, Clock clock) {
        this.appHome = appHome.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public void configure(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        ServiceSettings settings = ServiceSettings.read(properties::resolveProperty, appHome);
        properties.addOverrideProperty("sense.service.inventory-tick-ms", String.valueOf(settings.inventoryTick().toMillis()));
        properties.addOverrideProperty("sense.service.inbox-poll-ms", String.valueOf(settings.inboxPoll().toMillis()));
        properties.addOverrideProperty("sense.service.status-write-ms", String.valueOf(settings.statusWriteInterval().toMillis()));
        createFolders(settings);

        Registry registry = context.getRegistry();
        ResultFactory results = registry.lookupByNameAndType("resultFactory", ResultFactory.class);
        if (results == null) {
            throw new IllegalStateException("SenseProbeBeans must be configured before ServiceBeans");
        }
        DefinitionLoader loader = new DefinitionLoader(appHome);
        // the inbox's own bounded pool: a big inbox file waits its turn here and never starves the inventory
        CheckRunner inboxChecks = new CheckRunner(context, "inbox-checks", settings.checkConcurrency());
        StatusSink status = new StatusSink(settings.resultsDir(), clock);
        registry.bind(SETTINGS, settings);
        registry.bind("logSink", new LogSink());
        registry.bind("jsonLinesSink", new JsonLinesSink(settings.resultsDir()));
        registry.bind("statusSink", status);
        addService(context, status);
        // which alert destinations exist: their beans and components, then the core that feeds their routes
        AlertDestinations.install(context, settings.alerts());
        AlertService alerts = AlertService.create(context, settings.alerts(), settings.resultsDir(), appHome, clock);
        registry.bind(AlertService.BEAN, alerts);
        Inventory inventory = new Inventory(settings, loader, status, clock, new DefinitionFileAlerts(alerts, clock));
        alerts.forgetUnless(inventory::isActive);
        registry.bind("inventory", inventory);
        registry.bind("inbox", new Inbox(settings, loader, inboxChecks, clock));
        // the bounded pools the routes hand checks to; Camel shuts them down with the context
        registry.bind("inventoryWorkers", CheckRunner.workers(context, this, "inventory-check", settings.checkConcurrency()));
        registry.bind("inboxWorkers", CheckRunner.workers(context, this, "inbox-file", settings.checkConcurrency()));
    }

    private static void addService(CamelContext context, Object service) {
        try {
            // stopped after the routes, so the results of the last checks are written
            context.addService(service, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("Could not register " + service.getClass().getSimpleName() + " with Camel", e);
        }
    }

    private static void createFolders(ServiceSettings settings) {
        try {
            Files.createDirectories(settings.connectionsDir());
            Files.createDirectories(settings.resultsDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the service folders", e);
        }
    }
}
