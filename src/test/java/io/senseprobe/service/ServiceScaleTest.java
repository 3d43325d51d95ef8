package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.simulator.ClientCredential;
import io.senseprobe.simulator.Listener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running service with an inventory of 300 sites, each with its own client certificate: every one is OK. */
class ServiceScaleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SITES = 300;

    @TempDir
    Path home;

    @Test
    void threeHundredSitesWithTheirOwnCertificatesAreAllOkInEverySweep() throws Exception {
        try (ServiceHarness harness = ServiceHarness.withSimulator(home)) {
            Path connections = Files.createDirectories(home.resolve("connections"));
            for (int i = 0; i < SITES; i++) {
                String name = "site-" + i;
                ClientCredential credential = harness.sim.issueClientCredential(
                        Files.createDirectories(home.resolve("creds").resolve(name)));
                Files.writeString(connections.resolve(name + ".yaml"), String.join("\n",
                        "name: " + name,
                        "target: qseow",
                        "host: localhost",
                        "port: " + harness.sim.port(Listener.QRS),
                        "auth-user-dir: INTERNAL",
                        "auth-user-id: " + name,
                        "auth-cert-file: " + credential.certFile(),
                        "auth-cert-key-file: " + credential.keyFile(),
                        "auth-root-cert-file: " + harness.sim.files().rootCert(), ""));
            }
            harness.startService("sense.check.interval", "3s");
            Path status = home.resolve("out/status.json");

            ServiceHarness.await("every site in status.json", Duration.ofSeconds(60), () -> categories(status).values()
                    .stream().mapToLong(Long::longValue).sum() == SITES);
            assertEquals(Map.of("ok", (long) SITES), categories(status));
            long handshakes = harness.sim.tlsConnections(Listener.QRS);
            long requests = harness.sim.requests(Listener.QRS).size();

            // the second sweep: every site again, over the pooled connections
            ServiceHarness.await("a second sweep", Duration.ofSeconds(60),
                    () -> harness.sim.requests(Listener.QRS).size() >= requests + SITES);
            ServiceHarness.await("status.json written after it", Duration.ofSeconds(5),
                    () -> categories(status).getOrDefault("ok", 0L) == SITES);
            assertEquals(Map.of("ok", (long) SITES), categories(status));
            assertEquals(handshakes, harness.sim.tlsConnections(Listener.QRS), "the second sweep opened connections");
        }
    }

    private static Map<String, Long> categories(Path status) {
        Map<String, Long> counts = new TreeMap<>();
        try {
            JsonNode connections = JSON.readTree(status.toFile()).path("connections");
            connections.forEach(record -> counts.merge(record.path("category").asText(), 1L, Long::sum));
        } catch (Exception notYet) {
            // not written yet
        }
        return counts;
    }
}
