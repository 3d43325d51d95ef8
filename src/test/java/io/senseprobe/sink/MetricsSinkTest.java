package io.senseprobe.sink;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.senseprobe.result.Category;
import io.senseprobe.result.CertificateInfo;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.CredentialInfo;
import io.senseprobe.result.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The gauges as Prometheus shows them: per connection and check, the soonest expiry, gone with the connection. */
class MetricsSinkTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MetricsSink sink = new MetricsSink(registry);

    private static CheckResult result(String connection, String check, Status status, List<CertificateInfo> certs,
            List<CredentialInfo> credentials) {
        return new CheckResult(connection, check, "qseow", "localhost", 4242, "jwt", status,
                status == Status.FAILED ? Category.TIMEOUT : Category.OK, "m", "", "2026-01-02T03:04:05Z", 1500,
                Map.of(), certs, credentials);
    }

    private static CertificateInfo cert(String role, long days) {
        return new CertificateInfo(role, "CN=x", "2027-01-01T00:00:00Z", days, List.of());
    }

    @Test
    void gaugesPerCheckAndTheSoonestExpiryPerConnection() {
        sink.write(result("central", "qrs-about", Status.OK, List.of(cert("server", 200), cert("chain", 90),
                cert("chain", 40)), List.of(new CredentialInfo("jwt", "2026-01-09T00:00:00Z", 7))));
        sink.write(result("central", "engine-health", Status.FAILED, List.of(cert("server", 12)), List.of()));
        String m = registry.scrape();
        assertTrue(m.contains("sense_probe_check_up{check=\"qrs-about\",connection=\"central\"} 1.0"), m);
        assertTrue(m.contains("sense_probe_check_up{check=\"engine-health\",connection=\"central\"} 0.0"), m);
        assertTrue(m.contains("sense_probe_check_duration_seconds{check=\"qrs-about\",connection=\"central\"} 1.5"), m);
        assertTrue(m.contains("sense_probe_cert_expiry_days{connection=\"central\",role=\"server\"} 12.0"), m);
        assertTrue(m.contains("sense_probe_cert_expiry_days{connection=\"central\",role=\"chain\"} 40.0"), m);
        assertTrue(m.contains("sense_probe_credential_expiry_days{connection=\"central\",kind=\"jwt\"} 7.0"), m);

        // the next result no longer sees the chain: its gauge goes
        sink.write(result("central", "qrs-about", Status.OK, List.of(cert("server", 200)), List.of()));
        m = registry.scrape();
        assertFalse(m.contains("role=\"chain\""), m);
        assertFalse(m.contains("kind=\"jwt\""), m);
    }

    @Test
    void inMaintenanceIsOnePerConnectionWhileItsAlertsAreHeld() {
        Set<String> held = ConcurrentHashMap.newKeySet();
        sink.markInMaintenance(held::contains);
        sink.write(result("central", "qrs-about", Status.FAILED, List.of(), List.of()));
        sink.write(result("cloud", "qrs-about", Status.OK, List.of(), List.of()));
        held.add("central");
        String m = registry.scrape();
        assertTrue(m.contains("sense_probe_in_maintenance{connection=\"central\"} 1.0"), m);
        assertTrue(m.contains("sense_probe_in_maintenance{connection=\"cloud\"} 0.0"), m);
        // read at each scrape: a window that ends needs no new result
        held.clear();
        assertTrue(registry.scrape().contains("sense_probe_in_maintenance{connection=\"central\"} 0.0"));
    }

    @Test
    void aConnectionThatLeftTheInventoryLeavesTheMetrics() {
        Set<String> inventory = ConcurrentHashMap.newKeySet();
        inventory.addAll(Set.of("central", "cloud"));
        sink.forgetUnless(inventory::contains);
        sink.write(result("central", "qrs-about", Status.OK, List.of(cert("client", 300)), List.of()));
        sink.write(result("cloud", "users-me", Status.OK, List.of(), List.of()));
        inventory.remove("central");
        sink.prune();
        String m = registry.scrape();
        assertFalse(m.contains("central"), m);
        assertTrue(m.contains("connection=\"cloud\""), m);
    }
}
