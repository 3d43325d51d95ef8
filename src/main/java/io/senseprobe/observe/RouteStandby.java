package io.senseprobe.observe;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;

/**
 * The bean {@code routeStandby}: the one way to stop the inbox or inventory route on purpose (another instance owns
 * them) without the health check calling it a failure. A route stopped any other way, or one that failed, turns
 * /observe/health DOWN; a route stood down here is reported as {@code standby} and keeps it UP.
 */
public final class RouteStandby {
    public static final String BEAN = "routeStandby";

    private final CamelContext context;
    private final Set<String> standingBy = ConcurrentHashMap.newKeySet();

    public RouteStandby(CamelContext context) {
        this.context = context;
    }

    /** Stops the route; the health check reports it as standing by, not as down. */
    public void standBy(String routeId) throws Exception {
        standingBy.add(routeId);
        context.getRouteController().stopRoute(routeId);
    }

    /** Starts the route again; from then on a stop counts as a failure again. */
    public void resume(String routeId) throws Exception {
        context.getRouteController().startRoute(routeId);
        standingBy.remove(routeId);
    }

    public boolean isStandingBy(String routeId) {
        return standingBy.contains(routeId);
    }
}
