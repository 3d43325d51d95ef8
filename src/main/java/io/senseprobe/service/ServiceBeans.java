package io.senseprobe.service;

import io.senseprobe.alert.AlertService;
import io.senseprobe.alert.SilenceFile;
import io.senseprobe.alert.Suppression;
import io.senseprobe.alert.provider.AlertDestinations;
import io.senseprobe.check.CheckRunner;
import io.senseprobe.check.ResultFactory;
import io.senseprobe.cluster.ClusterRole;
import io.senseprobe.cluster.ClusterServices;
import io.senseprobe.definition.AllowedFolders;
import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.files.UriPaths;
import io.senseprobe.observe.Observe;
import io.senseprobe.observe.StatusBoard;
import io.senseprobe.sink.JsonLines;
import io.senseprobe.sink.LogSink;
import io.senseprobe.sink.MetricsSink;
import io.senseprobe.sink.StatusSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;

/**
 * Binds the service's beans for the inbox, inventory and sinks routes. Runs after the check beans (it
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
        ServiceSettings settings = ServiceSettings.read(properties::resolveProperty, propertyNames(properties), appHome);
        properties.addOverrideProperty("sense.service.inventory-tick-ms", String.valueOf(settings.inventoryTick().toMillis()));
        // folders in file: URIs with '/' on every OS (UriPaths)
        properties.addOverrideProperty("sense.service.results-dir", UriPaths.of(settings.resultsDir()));
        properties.addOverrideProperty("sense.service.inbox-dir", UriPaths.of(settings.inboxDir()));
        properties.addOverrideProperty("sense.service.inbox-poll-ms", String.valueOf(settings.inboxPoll().toMillis()));
        properties.addOverrideProperty("sense.service.inbox-settle-ms", String.valueOf(settings.inboxSettle().toMillis()));
        // the consumer waits this long for a young file, then goes on to the others and tries it again next poll
        properties.addOverrideProperty("sense.service.inbox-lock-timeout-ms", String.valueOf(3 * settings.inboxPoll().toMillis()));
        properties.addOverrideProperty("sense.service.status-write-ms", String.valueOf(settings.statusWriteInterval().toMillis()));
        createFolders(settings);

        Registry registry = context.getRegistry();
        ResultFactory results = registry.lookupByNameAndType("resultFactory", ResultFactory.class);
        if (results == null) {
            throw new IllegalStateException("The check beans must be configured before ServiceBeans");
        }
        // an alert-to id that no setting configures is a problem of its file
        DefinitionLoader loader = new DefinitionLoader(appHome).withAlertDestinations(settings.alerts().destinationIds());
        // several instances over one app home: only the cluster's leader writes the shared state (ClusterRole)
        ClusterRole role = ClusterServices.install(context, settings.cluster());
        StatusSink status = new StatusSink(settings.resultsDir(), clock);
        status.ownedWhile(role::isLeader);
        registry.bind(SETTINGS, settings);
        registry.bind("logSink", new LogSink());
        registry.bind("jsonLines", new JsonLines(settings.resultsDir().resolve("results")));
        registry.bind("statusSink", status);
        addService(context, status);
        // which alert destinations exist: their beans and components, then the core that feeds their routes
        AlertDestinations.install(context, settings.alerts());
        AlertService alerts = AlertService.create(context, settings.alerts(), settings.resultsDir(), appHome, clock);
        alerts.warnBefore(results.expiry());
        registry.bind(AlertService.BEAN, alerts);
        alerts.ownedWhile(role::isLeader);
        role.onTakeOver(alerts::takeOver);
        Inventory inventory = new Inventory(settings, loader, status, clock, new DefinitionFileAlerts(alerts, clock));
        alerts.forgetUnless(inventory::isActive);
        // maintenance windows, silences (out/silences.json, re-read when changed) and depends-on hold messages back
        // activeNow, not active: asked under the alert service's and the status sink's locks (no lock order to keep)
        Suppression suppression = new Suppression(settings.maintenance(), new SilenceFile(settings.resultsDir()),
                inventory::activeNow);
        alerts.holdWith(suppression, inventory::activeNow);
        Observe.install(context, settings.status(), clock, alerts, settings.alerts().destinationIds(), inventory::isActive,
                role::isLeader);
        registry.bind("inventory", inventory);
        MetricsSink metrics = registry.lookupByNameAndType(Observe.METRICS_SINK, MetricsSink.class);
        Predicate<String> inMaintenance = connection -> suppression.of(connection, clock.instant()).isPresent();
        if (metrics != null) {
            metrics.markInMaintenance(inMaintenance);
        }
        StatusBoard board = registry.lookupByNameAndType(StatusBoard.BEAN,
                StatusBoard.class);
        if (board != null) {
            board.markInMaintenance(inMaintenance);
        }
        status.markInMaintenance(inMaintenance);
        // ${env:...} and ${file:...} in inbox files only when the admin says whoever writes there may read them
        // and only files under sense.inbox.allowed-paths, so that whoever writes there cannot probe any readable file
        DefinitionLoader inboxLoader = (settings.inboxAllowSecretRefs() ? loader : loader.forbiddingReferences())
                .confinedTo(AllowedFolders.only(settings.inboxAllowedPaths(), ServiceSettings.INBOX_ALLOWED_PATHS));
        Inbox inbox = new Inbox(settings, inboxLoader, clock);
        registry.bind("inbox", inbox);
        InboxLeftovers leftovers = new InboxLeftovers(inbox.folders().inflight());
        role.onTakeOver(leftovers::listLeftBehind);
        registry.bind("inboxLeftovers", leftovers);
        registry.bind("inboxHousekeeping", new InboxHousekeeping(inbox.folders(), settings.inboxRetention(), clock));
        // the bounded pools the routes hand checks to; Camel shuts them down with the context. The inbox's own
        // (files, and the connections in them): a big inbox file waits its turn there and never starves the inventory
        int concurrency = settings.checkConcurrency();
        registry.bind("inventoryWorkers", CheckRunner.workers(context, this, "inventory-check", concurrency));
        registry.bind("inboxWorkers", CheckRunner.workers(context, this, "inbox-file", concurrency));
        registry.bind("inboxChecks", CheckRunner.workers(context, this, "inbox-checks", concurrency));
    }

    /** Every key the file, the overrides and -D give, and every environment variable name (named destinations). */
    static Set<String> propertyNames(PropertiesComponent properties) {
        Set<String> names = new TreeSet<>(properties.loadProperties().stringPropertyNames());
        names.addAll(System.getProperties().stringPropertyNames());
        names.addAll(System.getenv().keySet());
        return names;
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
