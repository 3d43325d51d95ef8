package io.senseprobe.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The health check {@code sense-routes} behind /observe/health: DOWN when the inbox or the inventory route is not
 * running (stopped, suspended, failed to start), when the inventory's last tick failed, or when the inbox's last
 * poll of its folder failed. A route stood down through {@link RouteStandby} is {@code standby} and counts as UP.
 * Camel's own route checks are switched off (camel.health.routes-enabled=false): they would call a route stood down on
 * purpose DOWN. The inventory's ticks are watched by a route policy on that route alone, so the checks it hands to
 * the workers (other routes) never count; the inbox by its file consumer's count of failed polls in a row.
 */
public final class RouteHealth extends AbstractHealthCheck implements RoutePolicyFactory {
    public static final String ID = "sense-routes";
    public static final String INBOX = "inbox";
    public static final String INVENTORY = "inventory";
    static final List<String> WATCHED = List.of(INBOX, INVENTORY);

    private final RouteStandby standby;
    // per watched route: why its last exchange failed; absent when it completed
    private final Map<String, String> lastFailure = new ConcurrentHashMap<>();

    public RouteHealth(CamelContext context, RouteStandby standby) {
        super("sense-probe", ID);
        setCamelContext(context);
        this.standby = standby;
    }

    @Override
    public boolean isLiveness() {
        return true;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<String> problems = new ArrayList<>();
        for (String id : WATCHED) {
            String state = state(id);
            builder.detail(id, state);
            if (!state.equals("running") && !state.equals("standby")) {
                problems.add("the " + id + " route " + state);
            }
        }
        if (problems.isEmpty()) {
            builder.up();
        } else {
            builder.message(String.join("; ", problems)).down();
        }
    }

    private String state(String id) {
        CamelContext context = getCamelContext();
        if (standby.isStandingBy(id)) {
            return "standby";
        }
        Route route = context.getRoute(id);
        if (route == null) {
            return "is not loaded (a replaced routes/" + id + ".camel.yaml must keep the route id)";
        }
        ServiceStatus status = context.getRouteController().getRouteStatus(id);
        if (status == null || !status.isStarted()) {
            return "is " + (status == null ? "unknown" : status.name().toLowerCase());
        }
        String failure = lastFailure.get(id);
        if (failure != null) {
            return "failed: " + failure;
        }
        Consumer consumer = route.getConsumer();
        if (consumer instanceof ScheduledPollConsumer poll && poll.getErrorCounter() > 0) {
            return "failed: its last " + poll.getErrorCounter() + " poll(s) failed";
        }
        return "running";
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (!INVENTORY.equals(routeId)) {
            return null;
        }
        return new RoutePolicySupport() {
            @Override
            public void onExchangeDone(Route done, Exchange exchange) {
                Exception e = exchange.getException();
                if (e == null) {
                    lastFailure.remove(routeId);
                } else {
                    lastFailure.put(routeId, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        };
    }
}
