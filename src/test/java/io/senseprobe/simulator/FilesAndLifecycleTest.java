package io.senseprobe.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.senseprobe.pem.PemException;
import io.senseprobe.pem.PemReader;
import io.senseprobe.result.Category;
import io.senseprobe.result.CertificateNames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesAndLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void writesTheQmcExportAndKeyVariants() throws Exception {
        try (SenseSimulator sim = SenseSimulator.start(dir)) {
            SimulatorFiles f = sim.files();
            assertEquals(dir.resolve("client.pem").toAbsolutePath(), f.clientCert());
            assertTrue(Files.readString(f.clientKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
            assertTrue(Files.readString(f.clientKeyPkcs8()).startsWith("-----BEGIN PRIVATE KEY-----"));
            assertTrue(Files.readString(f.clientKeyLegacyEncrypted()).contains("Proc-Type: 4,ENCRYPTED"));
            assertTrue(Files.readString(f.clientKeyPkcs8Encrypted()).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));

            PrivateKey expected = PemReader.readPrivateKey(f.clientKey(), null);
            assertEquals(expected, PemReader.readPrivateKey(f.clientKeyPkcs8(), null));
            for (Path encrypted : List.of(f.clientKeyLegacyEncrypted(), f.clientKeyPkcs8Encrypted())) {
                assertEquals(expected, PemReader.readPrivateKey(encrypted, SenseSimulator.KEY_PASSPHRASE));
                PemException none = assertThrows(PemException.class, () -> PemReader.readPrivateKey(encrypted, null));
                assertEquals(Category.KEY_PASSPHRASE, none.category());
                PemException wrong = assertThrows(PemException.class, () -> PemReader.readPrivateKey(encrypted, "wrong"));
                assertEquals(Category.KEY_PASSPHRASE, wrong.category());
            }

            X509Certificate client = PemReader.readCertificates(f.clientCert(), "client").get(0);
            X509Certificate root = PemReader.readCertificates(f.rootCert(), "root").get(0);
            X509Certificate otherRoot = PemReader.readCertificates(f.otherCaRootCert(), "root").get(0);
            assertEquals("CN=QlikClient", client.getSubjectX500Principal().getName());
            assertEquals(root.getSubjectX500Principal(), client.getIssuerX500Principal());
            client.verify(root.getPublicKey());
            assertFalse(root.getSubjectX500Principal().equals(otherRoot.getSubjectX500Principal()));
            PemReader.readCertificates(f.otherCaClientCert(), "other").get(0).verify(otherRoot.getPublicKey());
            PemReader.readPrivateKey(f.otherCaClientKey(), null);
            PemReader.readCertificates(f.jwtSigningCert(), "jwt");
            PemReader.readPrivateKey(f.jwtSigningKey(), null);
        }
    }

    @Test
    void pkiServerCertificatesCarryOnlyTheGivenNames() {
        Pki.Ca ca = Pki.newCa("test-CA");
        Pki.Issued server = Pki.serverCert(ca, ca.keys(), List.of("localhost", "sense-sim"), List.of());
        assertEquals(List.of("localhost", "sense-sim"), CertificateNames.of(server.cert()));
        Pki.Issued withIp = Pki.serverCert(ca, ca.keys(), List.of("localhost"), List.of("127.0.0.1"),
                Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600));
        assertEquals(List.of("localhost", "127.0.0.1"), CertificateNames.of(withIp.cert()));
        assertTrue(withIp.cert().getNotAfter().toInstant().isBefore(Instant.now()));
        String chain = Pki.certificatesPem(server.chain());
        assertEquals(2, chain.split("BEGIN CERTIFICATE").length - 1);
    }

    @Test
    void basePortPortsJsonAndExampleDefinitions() throws Exception {
        int base = freeRange(Listener.values().length);
        try (SenseSimulator sim = SenseSimulator.start(dir, base)) {
            for (Listener listener : Listener.values()) {
                assertEquals(base + listener.ordinal(), sim.port(listener));
            }
            JsonNode ports = new ObjectMapper().readTree(sim.portsJson());
            assertFalse(sim.portsJson().contains("\n"));
            assertEquals(base, ports.get("qrs").asInt());
            assertEquals(sim.port(Listener.JWT_PROXY), ports.get("jwt-proxy").asInt());
            assertEquals(Listener.values().length, ports.size());

            List<Path> written = sim.writeExampleDefinitions();
            assertTrue(written.size() >= Listener.values().length);
            Set<String> names = written.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            for (Listener listener : Listener.values()) {
                assertTrue(names.contains("sim-" + listener.id() + ".yaml"), names.toString());
            }
            YAMLMapper yaml = new YAMLMapper();
            Map<?, ?> qrs = yaml.readValue(sim.files().connectionsDir().resolve("sim-qrs.yaml").toFile(), Map.class);
            assertEquals("qseow", qrs.get("target"));
            assertEquals(sim.port(Listener.QRS), qrs.get("port"));
            assertTrue(Path.of((String) qrs.get("auth-cert-file")).isAbsolute());
            assertTrue(Files.exists(Path.of((String) qrs.get("auth-cert-key-file"))));
            Map<?, ?> jwt = yaml.readValue(sim.files().connectionsDir().resolve("sim-jwt-proxy.yaml").toFile(), Map.class);
            assertEquals("jwt", jwt.get("virtual-proxy"));
            assertEquals(sim.validJwt(), jwt.get("auth-jwt"));
            Map<?, ?> cloud = yaml.readValue(sim.files().connectionsDir().resolve("sim-cloud.yaml").toFile(), Map.class);
            assertEquals("localhost:" + sim.port(Listener.CLOUD), cloud.get("tenant-host"));
            assertEquals(sim.apiKey(), cloud.get("apikey"));

            sim.writeExampleDefinitions("sense-sim");
            Map<?, ?> docker = yaml.readValue(sim.files().connectionsDir().resolve("sim-qrs.yaml").toFile(), Map.class);
            assertEquals("sense-sim", docker.get("host"));
        }
        // close() released every port
        for (Listener listener : Listener.values()) {
            try (ServerSocket again = new ServerSocket(base + listener.ordinal(), 1, InetAddress.getLoopbackAddress())) {
                assertTrue(again.isBound());
            }
        }
    }

    @Test
    void closeStopsEveryThread() throws Exception {
        SenseSimulator sim = SenseSimulator.start(dir);
        HttpClientCalls.touchEveryHttpListener(sim);
        sim.close();
        Thread.sleep(50);
        assertEquals(List.of(), simulatorThreads());
    }

    @Test
    void closeStopsATrickleMidBody() throws Exception {
        SenseSimulator sim = SenseSimulator.start(dir);
        try (RawHttpsCalls.Opened trickle = RawHttpsCalls.get(sim.files(), sim.port(Listener.TRICKLE), "/qrs/about")) {
            trickle.body().read();
            long start = System.nanoTime();
            sim.close();
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 3000, "close waited for the trickle");
            // the client sees its connection end, not the rest of the body
            int rest = 0;
            try {
                while (trickle.body().read() >= 0) {
                    rest++;
                }
            } catch (IOException e) {
                // closed without close_notify: as good as an end
            }
            assertTrue(rest < 3, rest + " more bytes");
        }
        Thread.sleep(50);
        assertEquals(List.of(), simulatorThreads());
        assertEquals(0, RawHttpsCalls.tricklingThreads());
    }

    private static List<String> simulatorThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("sense-sim-") || n.startsWith("HTTP-Dispatcher") || n.equals("idle-timeout-task"))
                .toList();
    }

    /** A run of free consecutive ports on the loopback address. */
    private static int freeRange(int size) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + (int) (Math.random() * 30_000);
            if (rangeFree(base, size)) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range");
    }

    private static boolean rangeFree(int base, int size) {
        for (int port = base; port < base + size; port++) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                probe.setReuseAddress(true);
            } catch (Exception e) {
                return false;
            }
        }
        return true;
    }
}
