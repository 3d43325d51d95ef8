package io.senseprobe.cluster;

import io.senseprobe.settings.SettingsReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The {@code sense.cluster.*} keys: whether several instances share one app home (or one inventory) and which Camel
 * cluster service elects the one that owns the timers, the inbox and the alerts. Off by default: a single instance
 * runs every route itself, exactly as without these keys.
 */
public record ClusterSettings(
        Kind service,
        String namespace,
        Path fileRoot,
        Duration fileInterval,
        int fileStaleAfter,
        String kubernetesNamespace,
        Duration kubernetesLease) {

    public static final String SERVICE = "sense.cluster.service";
    public static final String NAMESPACE = "sense.cluster.namespace";
    public static final String FILE_ROOT = "sense.cluster.file.root";
    public static final String FILE_INTERVAL = "sense.cluster.file.interval";
    public static final String FILE_STALE_AFTER = "sense.cluster.file.stale-after";
    public static final String KUBERNETES_NAMESPACE = "sense.cluster.kubernetes.namespace";
    public static final String KUBERNETES_LEASE = "sense.cluster.kubernetes.lease-duration";

    /** The cluster services sense-probe knows; {@code none} runs every route in this instance. */
    public enum Kind {
        NONE, FILE, KUBERNETES;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reads the keys; a bad value adds a problem (key, value, fix) and takes the default. */
    public static ClusterSettings read(SettingsReader r, Path appHome, Path resultsDir) {
        Kind kind = kind(r);
        String namespace = r.get(NAMESPACE) == null ? "sense-probe" : r.get(NAMESPACE);
        if (!namespace.matches("[A-Za-z0-9._-]+")) {
            r.problem(NAMESPACE, namespace, "use letters, digits, '.', '_' or '-' only (it names the lock file)");
            namespace = "sense-probe";
        }
        String root = r.get(FILE_ROOT);
        Path fileRoot;
        try {
            // on the shared volume: by default beside alert-state.json, which the owner writes
            fileRoot = root == null ? resultsDir.resolve("cluster") : appHome.resolve(root).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            r.problem(FILE_ROOT, root, "not a folder path (" + e.getMessage() + ")");
            fileRoot = resultsDir.resolve("cluster");
        }
        Duration interval = r.duration(FILE_INTERVAL, Duration.ofSeconds(2));
        if (interval.toMillis() < 100) {
            r.problem(FILE_INTERVAL, r.get(FILE_INTERVAL), "must be at least 100ms");
            interval = Duration.ofSeconds(2);
        }
        int staleAfter = r.integer(FILE_STALE_AFTER, 3, 2, 100, "must be a whole number of intervals from 2 to 100");
        Duration lease = r.duration(KUBERNETES_LEASE, Duration.ofSeconds(15));
        return new ClusterSettings(kind, namespace, fileRoot, interval, staleAfter, r.get(KUBERNETES_NAMESPACE), lease);
    }

    public boolean enabled() {
        return service != Kind.NONE;
    }

    /** The longest a standby waits after the owner died: the heartbeat goes stale, then one more try. */
    public Duration takeoverWithin() {
        return fileInterval.multipliedBy(fileStaleAfter + 2L);
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, ClusterSettings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Kind kind(SettingsReader r) {
        String value = r.get(SERVICE);
        if (value == null) {
            return Kind.NONE;
        }
        for (Kind k : Kind.values()) {
            if (k.id().equalsIgnoreCase(value)) {
                if (k == Kind.KUBERNETES && !onClassPath(ClusterServices.KUBERNETES_CLASS)) {
                    r.problem(SERVICE, value, "this jar has no camel-kubernetes; build it with mvn -Pkubernetes package"
                            + " (README: On Kubernetes)");
                    return Kind.NONE;
                }
                return k;
            }
        }
        r.problem(SERVICE, value, "write none (one instance), file (a lock on a shared folder) or kubernetes (leases)");
        return Kind.NONE;
    }
}
