package io.senseprobe.alert;

import io.senseprobe.alert.provider.AlertDestinations;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * routes/alerts.camel.yaml in a Camel context of its own, wired as ServiceBeans wires the service (destinations,
 * then the alert service, then the routes), with the short retry delays of {@link WebhookAlertTest#FAST}.
 */
final class AlertCamel implements AutoCloseable {
    static final Path ROUTES = Path.of("routes/alerts.camel.yaml");

    final DefaultCamelContext context = new DefaultCamelContext();
    final AlertService service;

    AlertCamel(AlertSettings settings, Path resultsDir, Path appHome, Clock clock) {
        AlertDestinations.install(context, settings);
        service = AlertService.create(context, settings, resultsDir, appHome, clock, WebhookAlertTest.FAST);
        context.getRegistry().bind(AlertService.BEAN, service);
        try {
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.resolveResource(context, "file:" + ROUTES.toAbsolutePath()));
        } catch (Exception e) {
            throw new IllegalStateException("Could not load " + ROUTES, e);
        }
        context.start();
    }

    @Override
    public void close() {
        context.stop();
    }
}
