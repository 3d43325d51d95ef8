package io.senseprobe.cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean {@code clusterRole}: whether this instance owns the shared inventory now. A single instance (no
 * {@code sense.cluster.service}) always does. With a cluster service the owner is the leader of the namespace's
 * view: the routes wrapped in {@code master:} run only there, and the other instances wait, ready, as standby.
 * The health check ({@link ClusterHealthCheck}) and a route health check that must not call a standby's held
 * routes down read {@link #isLeader()}.
 */
public final class ClusterRole implements CamelClusterEventListener.Leadership {
    public static final String BEAN = "clusterRole";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRole.class);

    private final ClusterSettings settings;
    private final List<Runnable> onTakeOver = new CopyOnWriteArrayList<>();
    private volatile boolean leader;

    public ClusterRole(ClusterSettings settings) {
        this.settings = settings;
    }

    public boolean isClustered() {
        return settings.enabled();
    }

    /** True while this instance owns the timers, the inbox and the alerts (always, for a single instance). */
    public boolean isLeader() {
        return !settings.enabled() || leader;
    }

    /** {@code leader} or {@code standby}, as the health details and the logs show it. */
    public String role() {
        return isLeader() ? "leader" : "standby";
    }

    public ClusterSettings settings() {
        return settings;
    }

    /**
     * Runs {@code action} each time this instance becomes the owner, before the master routes start their
     * consumers (the view tells this listener first, and the master consumers start theirs a second later):
     * the place to read what the last owner left (alert state, inbox leftovers).
     */
    public void onTakeOver(Runnable action) {
        onTakeOver.add(action);
    }

    @Override
    public void leadershipChanged(CamelClusterView view, CamelClusterMember member) {
        boolean now = member != null && member.isLocal();
        if (now == leader) {
            return;
        }
        if (now) {
            LOG.info("Cluster {} ({}): this instance takes over the inventory, the inbox and the alerts",
                    view.getNamespace(), settings.service().id());
            for (Runnable action : onTakeOver) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    // the master routes are told after this listener: a failure here must not keep them stopped
                    LOG.error("Cluster {}: a take-over step failed ({}); the routes start all the same", view.getNamespace(),
                            e.toString());
                }
            }
        } else {
            LOG.info("Cluster {} ({}): this instance is standby; another one owns the inventory, the inbox and the alerts",
                    view.getNamespace(), settings.service().id());
        }
        leader = now;
    }
}
