package io.senseprobe.cluster;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.master.MasterComponent;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.PropertyBindingSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs what {@link ClusterSettings} ask for, before the routes are loaded: the bean {@link ClusterRole}, its
 * health check, and the placeholder {@code sense.service.owned} that the owner-only routes put in front of their
 * {@code from:} URI. Without a cluster service it is empty, so those routes start as they always did; with one it
 * is {@code master:<namespace>:}, and camel-master starts their consumers only while this instance leads the
 * namespace (one view, one lock, for every such route).
 */
public final class ClusterServices {
    public static final String OWNED = "sense.service.owned";
    static final String KUBERNETES_CLASS = "org.apache.camel.component.kubernetes.cluster.KubernetesClusterService";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterServices.class);

    private ClusterServices() {
    }

    public static ClusterRole install(CamelContext context, ClusterSettings settings) {
        ClusterRole role = new ClusterRole(settings);
        context.getRegistry().bind(ClusterRole.BEAN, role);
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health != null) {
            // /observe/health shows it (an entry of its own, UP on a standby too)
            health.register(new ClusterHealthCheck(role));
        }
        if (!settings.enabled()) {
            context.getPropertiesComponent().addOverrideProperty(OWNED, "");
            return role;
        }
        try {
            CamelClusterService service = create(context, settings);
            service.setId(memberId());
            context.addService(service, true, true);
            MasterComponent master = new MasterComponent(context);
            master.setService(service);
            context.addComponent("master", master);
            // registered before any master route's consumer: told first, so the take-over work is done before they start
            service.getView(settings.namespace()).addEventListener(role);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the " + settings.service().id() + " cluster service: " + e.getMessage(), e);
        }
        context.getPropertiesComponent().addOverrideProperty(OWNED, "master:" + settings.namespace() + ":");
        LOG.info("Cluster {} ({}{}): standby until this instance leads; then it owns the inventory, the inbox and the alerts",
                settings.namespace(), settings.service().id(),
                settings.service() == ClusterSettings.Kind.FILE ? " lock in " + settings.fileRoot() : " leases");
        return role;
    }

    private static CamelClusterService create(CamelContext context, ClusterSettings settings) throws Exception {
        if (settings.service() == ClusterSettings.Kind.FILE) {
            FileLockClusterService file = new FileLockClusterService();
            file.setRoot(settings.fileRoot().toString());
            long interval = settings.fileInterval().toMillis();
            // the owner renews its heartbeat every interval; a standby takes over once it is stale-after intervals old
            file.setAcquireLockInterval(interval, TimeUnit.MILLISECONDS);
            file.setAcquireLockDelay(interval, TimeUnit.MILLISECONDS);
            file.setHeartbeatTimeoutMultiplier(settings.fileStaleAfter());
            return file;
        }
        // camel-kubernetes is in the jar only when built with -Pkubernetes (ClusterSettings checked that it is there)
        Object kubernetes = Class.forName(KUBERNETES_CLASS).getDeclaredConstructor().newInstance();
        Map<String, Object> properties = new LinkedHashMap<>();
        long lease = settings.kubernetesLease().toMillis();
        properties.put("leaseResourceType", "Lease");
        properties.put("leaseDurationMillis", lease);
        properties.put("renewDeadlineMillis", lease * 2 / 3);
        properties.put("retryPeriodMillis", Math.max(500, lease / 7));
        if (settings.kubernetesNamespace() != null) {
            properties.put("kubernetesNamespace", settings.kubernetesNamespace());
        }
        PropertyBindingSupport.build().withCamelContext(context).withTarget(kubernetes).withProperties(properties)
                .withMandatory(true).bind();
        return (CamelClusterService) kubernetes;
    }

    /** Host name and process id, in the cluster service's logs. */
    private static String memberId() {
        return ManagementFactory.getRuntimeMXBean().getName().replace('@', '-');
    }
}
