package io.senseprobe.cluster;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * {@code /observe/health}'s {@code sense-cluster} entry: always UP (a standby is ready to take over, not broken),
 * with {@code role: leader|standby} and the cluster service in its details.
 */
public final class ClusterHealthCheck extends AbstractHealthCheck {
    private final ClusterRole role;

    public ClusterHealthCheck(ClusterRole role) {
        super("sense", "sense-cluster");
        this.role = role;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("role", role.role());
        builder.detail("cluster.service", role.settings().service().id());
        if (role.isClustered()) {
            builder.detail("cluster.namespace", role.settings().namespace());
        }
        builder.up();
    }
}
