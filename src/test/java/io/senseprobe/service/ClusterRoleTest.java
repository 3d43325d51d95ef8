package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.SenseProbeBeans;
import io.senseprobe.cluster.ClusterRole;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.component.master.MasterConsumer;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two services in one JVM over one app home with the file-lock cluster service: one leads, the other stands by with
 * its owner-only consumers held and its health UP ({@code role: standby}); stopping the leader hands over. Without
 * sense.cluster.service the routes are the plain ones and the role is leader. (Takeover after kill -9, between
 * processes: ClusterTakeoverProcessTest.)
 */
class ClusterRoleTest {
    private static final String[] CLUSTER = {"sense.cluster.service", "file", "sense.cluster.file.interval", "200ms"};

    @TempDir
    Path home;

    @Test
    void oneLeadsTheOtherStandsByHealthyAndTakesOverWhenTheLeaderStops() throws Exception {
        SenseProbeService first = SenseProbeService.start(home, ServiceHarness.fastSettings(CLUSTER), SenseProbeBeans::new);
        SenseProbeService second = null;
        try {
            ServiceHarness.await("a leader", Duration.ofSeconds(15), () -> role(first).isLeader());
            second = SenseProbeService.start(home, ServiceHarness.fastSettings(CLUSTER), SenseProbeBeans::new);
            SenseProbeService standby = second;
            assertFalse(role(standby).isLeader());
            assertEquals("standby", health(standby).getDetails().get("role"));
            assertEquals(HealthCheck.State.UP, health(standby).getState());
            assertEquals("leader", health(first).getDetails().get("role"));
            for (String route : new String[] {"inventory", "inbox", "inbox-leftovers", "status"}) {
                MasterConsumer held = (MasterConsumer) standby.context().getRoute(route).getConsumer();
                assertFalse(held.isMaster(), route + " runs on the standby");
                ServiceHarness.await(route + " started on the leader", Duration.ofSeconds(10),
                        () -> ((MasterConsumer) first.context().getRoute(route).getConsumer()).isMaster());
            }

            first.stop();
            ServiceHarness.await("the standby to take over", Duration.ofSeconds(15), () -> role(standby).isLeader());
            assertEquals("leader", health(standby).getDetails().get("role"));
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }

    @Test
    void withoutAClusterServiceTheRoutesArePlainAndThisInstanceLeads() throws Exception {
        try (SenseProbeService single = SenseProbeService.start(home, ServiceHarness.fastSettings(), SenseProbeBeans::new)) {
            assertTrue(role(single).isLeader());
            assertFalse(role(single).isClustered());
            assertEquals("leader", health(single).getDetails().get("role"));
            assertTrue(single.context().getRoute("inventory").getEndpoint().getEndpointUri().startsWith("timer:"));
            assertTrue(single.context().getRoute("inbox").getEndpoint().getEndpointUri().startsWith("file:"));
        }
    }

    private static ClusterRole role(SenseProbeService service) {
        return service.context().getRegistry().lookupByNameAndType(ClusterRole.BEAN, ClusterRole.class);
    }

    private static HealthCheck.Result health(SenseProbeService service) {
        HealthCheck check = HealthCheckRegistry.get(service.context()).getCheck("sense-cluster")
                .orElseThrow(() -> new AssertionError("no sense-cluster health check"));
        return check.call();
    }
}
