package io.senseprobe.sink;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultKeys;
import io.senseprobe.result.Status;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The inventory's results as Prometheus gauges (served on the management server's /observe/metrics):
 * <ul>
 * <li>{@code sense_probe_check_up{connection,check}}: 1 when the last check was ok or a warning, 0 when it failed;</li>
 * <li>{@code sense_probe_check_duration_seconds{connection,check}}: how long the last check took;</li>
 * <li>{@code sense_probe_cert_expiry_days{connection,role}} and {@code sense_probe_credential_expiry_days{connection,kind}}:
 * days left, the soonest over the connection's checks (a chain has several certificates).</li>
 * </ul>
 * A connection that leaves the inventory loses its gauges at the next {@link #prune()}, a check or certificate
 * that a connection no longer reports at its next result.
 */
public final class MetricsSink extends InventorySink {
    public static final String CHECK_UP = "sense_probe_check_up";
    public static final String CHECK_DURATION = "sense_probe_check_duration_seconds";
    public static final String CERT_EXPIRY = "sense_probe_cert_expiry_days";
    public static final String CREDENTIAL_EXPIRY = "sense_probe_credential_expiry_days";
    /** 1 while the connection is in a maintenance window or silenced (its alerts wait), read at each scrape. */
    public static final String IN_MAINTENANCE = "sense_probe_in_maintenance";
    public static final List<String> NAMES = List.of(CHECK_UP, CHECK_DURATION, CERT_EXPIRY, CREDENTIAL_EXPIRY,
            IN_MAINTENANCE);

    private final MeterRegistry registry;
    // per connection: its checks' latest results, and the gauges they make
    private final Map<String, Map<String, CheckResult>> latest = new TreeMap<>();
    private final Map<String, Map<GaugeKey, Value>> gauges = new HashMap<>();

    private record GaugeKey(String name, String tag, String tagValue) {
    }

    /** What a gauge reads; replaced on each result, so a scrape never sees half an update. */
    private static final class Value {
        final AtomicReference<Double> current = new AtomicReference<>(0.0);
        Meter meter;

        double read() {
            return current.get();
        }
    }

    private volatile Predicate<String> inMaintenance = connection -> false;

    public MetricsSink(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Which connections are in a maintenance window or silenced now; none, unless this is set. */
    public void markInMaintenance(Predicate<String> connection) {
        this.inMaintenance = connection;
    }

    @Override
    protected synchronized void accept(CheckResult result) {
        latest.computeIfAbsent(result.connection(), c -> new TreeMap<>())
                .put(result.check() == null ? "-" : result.check(), result);
        update(result.connection());
    }

    /** Drops the gauges of every connection that is no longer in the inventory (the metrics route's timer). */
    public synchronized void prune() {
        for (String connection : Set.copyOf(latest.keySet())) {
            if (!inInventory(connection)) {
                latest.remove(connection);
                update(connection);
            }
        }
    }

    private void update(String connection) {
        Map<GaugeKey, Double> wanted = new HashMap<>();
        for (CheckResult r : latest.getOrDefault(connection, Map.of()).values()) {
            String check = ResultKeys.of(r).substring(connection.length() + 1);
            wanted.put(new GaugeKey(CHECK_UP, "check", check), r.status() == Status.FAILED ? 0.0 : 1.0);
            wanted.put(new GaugeKey(CHECK_DURATION, "check", check), r.durationMs() / 1000.0);
            Expiries.certificates(r).forEach(e -> wanted.merge(new GaugeKey(CERT_EXPIRY, "role", e.name()),
                    (double) e.daysLeft(), Math::min));
            Expiries.credentials(r).forEach(e -> wanted.merge(new GaugeKey(CREDENTIAL_EXPIRY, "kind", e.name()),
                    (double) e.daysLeft(), Math::min));
        }
        if (!wanted.isEmpty()) {
            wanted.put(new GaugeKey(IN_MAINTENANCE, null, null), 0.0);
        }
        Map<GaugeKey, Value> have = gauges.computeIfAbsent(connection, c -> new HashMap<>());
        for (GaugeKey gone : new HashSet<>(have.keySet())) {
            if (!wanted.containsKey(gone)) {
                registry.remove(have.remove(gone).meter);
            }
        }
        wanted.forEach((key, number) -> have.computeIfAbsent(key, k -> register(connection, k)).current.set(number));
        if (have.isEmpty()) {
            gauges.remove(connection);
        }
    }

    private Value register(String connection, GaugeKey key) {
        Value value = new Value();
        if (IN_MAINTENANCE.equals(key.name())) {
            value.meter = Gauge.builder(key.name(), () -> inMaintenance.test(connection) ? 1 : 0)
                    .tags(Tags.of("connection", connection))
                    .strongReference(true)
                    .register(registry);
            return value;
        }
        value.meter = Gauge.builder(key.name(), value, Value::read)
                .tags(Tags.of("connection", connection, key.tag(), key.tagValue()))
                .strongReference(true)
                .register(registry);
        return value;
    }
}
