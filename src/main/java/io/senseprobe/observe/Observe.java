package io.senseprobe.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.senseprobe.alert.AlertService;
import io.senseprobe.sink.MetricsSink;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Registry;

/**
 * The beans of health, metrics and the status page (routes/observe.camel.yaml): the metrics sink and the status
 * board (fed by the sinks route, pruned to the inventory's connections), the alert outcome counter, the route
 * health check and its standby hook, and the status page's basic auth.
 */
public final class Observe {
    public static final String METRICS_SINK = "metricsSink";
    public static final String CLUSTER_LEADER = "sense_probe_cluster_leader";

    private Observe() {
    }

    public static void install(CamelContext context, StatusSettings settings, Clock clock, AlertService alerts,
            List<String> alertDestinations, Predicate<String> inInventory, BooleanSupplier leader) {
        Registry registry = context.getRegistry();
        MeterRegistry meters = meterRegistry(registry);
        // 1 on the instance that owns the inventory, inbox and alerts (always, without a cluster service), 0 on a standby
        Gauge.builder(CLUSTER_LEADER, () -> leader.getAsBoolean() ? 1 : 0)
                .description("1 when this instance owns the inventory, the inbox and the alerts").register(meters);
        MetricsSink metrics = new MetricsSink(meters);
        metrics.forgetUnless(inInventory);
        registry.bind(METRICS_SINK, metrics);
        alerts.countOutcomes(new AlertCounter(meters).startAtZero(alertDestinations));

        StatusBoard board = new StatusBoard(clock);
        board.forgetUnless(inInventory);
        registry.bind(StatusBoard.BEAN, board);
        registry.bind(StatusAuth.BEAN, new StatusAuth(settings));

        RouteStandby standby = new RouteStandby(context);
        registry.bind(RouteStandby.BEAN, standby);
        RouteHealth health = new RouteHealth(context, standby);
        context.addRoutePolicyFactory(health);
        HealthCheckRegistry checks = HealthCheckRegistry.get(context);
        if (checks != null) {
            checks.register(health);
        } else {
            // camel-health picks up health checks bound in the registry when it starts
            registry.bind(RouteHealth.ID, health);
        }
    }

    /** Camel's (camel-micrometer-prometheus serves it on /observe/metrics), or one it will find and serve. */
    private static MeterRegistry meterRegistry(Registry registry) {
        MeterRegistry found = registry.lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (found == null) {
            found = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.bind(MicrometerConstants.METRICS_REGISTRY_NAME, found);
        }
        return found;
    }
}
