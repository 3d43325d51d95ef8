package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.alert.RecordingReceiver;
import io.senseprobe.observe.AlertCounter;
import io.senseprobe.observe.Observe;
import io.senseprobe.observe.RouteStandby;
import io.senseprobe.sink.MetricsSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running service's management server (/observe/health, /observe/metrics) and status server (/, /api/status)
 * against the simulator: what each answers, who may ask, and that they follow the inventory.
 */
class ObserveEndpointsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HOOK = "/hook";
    private static final String STATUS_PASSWORD = "status-Secret-Pw-55";

    @TempDir
    Path home;
    private ServiceHarness harness;
    private Path connections;
    private int managementPort;
    private int statusPort;

    @BeforeEach
    void setUp() throws Exception {
        harness = ServiceHarness.withSimulator(home);
        connections = Files.createDirectories(home.resolve("connections"));
        managementPort = freePort();
        statusPort = freePort();
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private void start(String... more) throws Exception {
        String[] base = {"camel.management.enabled", "true", "camel.management.port", String.valueOf(managementPort),
                "camel.server.enabled", "true", "camel.server.port", String.valueOf(statusPort)};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        harness.startService(all);
    }

    @Test
    void metricsPerConnectionAndCheckFollowTheInventory() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver()) {
            Files.copy(harness.example("sim-qrs"), connections.resolve("sim-qrs.yaml"));
            Files.copy(harness.example("sim-qrs-ip-host"), connections.resolve("sim-qrs-ip-host.yaml"));
            Files.copy(harness.example("sim-jwt-proxy"), connections.resolve("sim-jwt-proxy.yaml"));
            start("sense.alert.webhook.url", receiver.url(HOOK), "sense.alert.failure-threshold", "1");
            ServiceHarness.await("metrics of all three connections and a sent alert", WAIT, () -> {
                String m = metrics();
                return m.contains("sense_probe_check_up{check=\"qrs-about\",connection=\"sim-qrs\"} 1.0")
                        && m.contains("sense_probe_check_up{check=\"qrs-about\",connection=\"sim-qrs-ip-host\"} 0.0")
                        && m.contains("connection=\"sim-jwt-proxy\"")
                        && value(m, "sense_probe_alerts_total{destination=\"webhook\",outcome=\"sent\"}") >= 1;
            });
            String m = metrics();
            assertTrue(value(m, "sense_probe_check_duration_seconds{check=\"qrs-about\",connection=\"sim-qrs\"}") > 0, m);
            // the simulator's certificates are fresh: about a year (server) and ten years (client) left
            assertTrue(value(m, "sense_probe_cert_expiry_days{connection=\"sim-qrs\",role=\"server\"}") > 300, m);
            assertTrue(value(m, "sense_probe_cert_expiry_days{connection=\"sim-qrs\",role=\"client\"}") > 300, m);
            assertEquals(0.0, value(m, "sense_probe_alerts_total{destination=\"webhook\",outcome=\"failed\"}"), m);
            // the JWT's exp (the simulator's token lasts longer than the warning thresholds)
            assertTrue(value(m, "sense_probe_credential_expiry_days{connection=\"sim-jwt-proxy\",kind=\"jwt\"}") > 30, m);
            // one instance without a cluster service owns the work
            assertEquals(1.0, value(m, Observe.CLUSTER_LEADER), m);
            // what the Grafana dashboard may name (GrafanaDashboardTest) is what is served
            for (String name : List.of(MetricsSink.CHECK_UP, MetricsSink.CHECK_DURATION, MetricsSink.CERT_EXPIRY,
                    AlertCounter.EXPOSED, Observe.CLUSTER_LEADER)) {
                assertTrue(m.contains("# TYPE " + name + " "), name + " is not served:\n" + m);
            }

            Files.delete(connections.resolve("sim-qrs-ip-host.yaml"));
            ServiceHarness.await("the deleted connection to leave the metrics", WAIT,
                    () -> !metrics().contains("sim-qrs-ip-host"));
            assertTrue(metrics().contains("connection=\"sim-qrs\""));
        }
    }

    @Test
    void aFailedDeliveryIsCounted() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver()) {
            receiver.answer(500);
            Files.copy(harness.example("sim-qrs-ip-host"), connections.resolve("sim-qrs-ip-host.yaml"));
            start("sense.alert.webhook.url", receiver.url(HOOK), "sense.alert.failure-threshold", "1");
            // the retries take 21 s before the message is spooled: AlertOutcomesTest counts that with short delays
            ServiceHarness.await("a failed attempt", WAIT, () ->
                    value(metrics(), "sense_probe_alerts_total{destination=\"webhook\",outcome=\"failed\"}") >= 1);
            String m = metrics();
            assertEquals(0.0, value(m, "sense_probe_alerts_total{destination=\"webhook\",outcome=\"sent\"}"), m);
            assertEquals(0.0, value(m, "sense_probe_alerts_total{destination=\"webhook\",outcome=\"spooled\"}"), m);
        }
    }

    @Test
    void healthIsDownWhenARouteStopsOrFailsButNotWhenItStandsBy() throws Exception {
        start();
        ServiceHarness.await("UP", WAIT, () -> health().statusCode() == 200);
        assertTrue(health().body().contains("UP"), health().body());

        harness.service.context().getRouteController().stopRoute("inventory");
        assertEquals(503, health().statusCode(), health().body());
        assertTrue(health().body().contains("DOWN"), health().body());
        // the check says which route and why
        assertTrue(health().body().contains("the inventory route is stopped"), health().body());
        harness.service.context().getRouteController().startRoute("inventory");
        ServiceHarness.await("UP again", WAIT, () -> health().statusCode() == 200);

        RouteStandby standby = harness.service.context().getRegistry().lookupByNameAndType(RouteStandby.BEAN,
                RouteStandby.class);
        standby.standBy("inbox");
        standby.standBy("inventory");
        assertEquals(200, health().statusCode(), health().body());
        standby.resume("inbox");
        standby.resume("inventory");
        assertEquals(200, health().statusCode(), health().body());

        // the inventory cannot list its folder: every tick fails
        Files.delete(connections);
        Files.writeString(connections, "not a folder");
        ServiceHarness.await("DOWN on failing ticks", WAIT, () -> health().statusCode() == 503);
        Files.delete(connections);
        Files.createDirectories(connections);
        ServiceHarness.await("UP once a tick works", WAIT, () -> health().statusCode() == 200);
    }

    @Test
    void theStatusApiListsEveryCheckAndAsksForTheLoginWhenOneIsSet() throws Exception {
        Files.copy(harness.example("sim-qrs"), connections.resolve("sim-qrs.yaml"));
        Files.copy(harness.example("sim-qrs-ip-host"), connections.resolve("sim-qrs-ip-host.yaml"));
        start("sense.status.username", "ops", "sense.status.password", STATUS_PASSWORD);

        HttpResponse<String> anonymous = get(statusPort, "/api/status", null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertFalse(anonymous.body().contains("sim-qrs"), anonymous.body());
        assertEquals(401, get(statusPort, "/", null).statusCode());
        assertEquals(401, get(statusPort, "/api/status", "ops:wrong").statusCode());

        ServiceHarness.await("both checks on /api/status", WAIT, () ->
                json(get(statusPort, "/api/status", "ops:" + STATUS_PASSWORD).body()).path("connections").size() == 2);
        HttpResponse<String> answer = get(statusPort, "/api/status", "ops:" + STATUS_PASSWORD);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertFalse(answer.headers().map().containsKey("authorization"), answer.headers().map().toString());
        JsonNode rows = json(answer.body()).path("connections");
        JsonNode ok = rows.get(0).path("connection").asText().equals("sim-qrs") ? rows.get(0) : rows.get(1);
        JsonNode failed = ok == rows.get(0) ? rows.get(1) : rows.get(0);
        assertEquals("ok", ok.path("status").asText());
        assertEquals("qrs-about", ok.path("check").asText());
        assertEquals(ok.path("checkedAt").asText(), ok.path("lastOk").asText());
        assertTrue(ok.path("certificates").toString().contains("\"role\":\"server\""), ok.toString());
        assertEquals("failed", failed.path("status").asText());
        assertEquals("tls-hostname-mismatch", failed.path("category").asText());
        assertFalse(failed.path("hint").asText().isEmpty(), failed.toString());
        assertTrue(failed.path("lastOk").isNull(), failed.toString());

        HttpResponse<String> page = get(statusPort, "/", "ops:" + STATUS_PASSWORD);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"status.js\">"), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals(200, get(statusPort, "/status.js", "ops:" + STATUS_PASSWORD).statusCode());
    }

    @Test
    void bothServersListenOnLoopbackOnlyByDefault() throws Exception {
        start();
        for (int port : new int[] {managementPort, statusPort}) {
            List<String> addresses = listening(port);
            assertFalse(addresses.isEmpty(), "nothing listens on " + port);
            // 127.0.0.1, as IPv4 or IPv4-mapped IPv6 (Java's sockets are dual-stack)
            assertTrue(addresses.stream().allMatch(a -> a.equals("0100007F") || a.equals("0000000000000000FFFF00000100007F")),
                    "port " + port + " listens on " + addresses);
        }
    }

    /** The local addresses (hex, as /proc/net/tcp shows them) with a listening socket on the port. */
    private static List<String> listening(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[3].equals("0A") && fields[1].endsWith(String.format(":%04X", port))) {
                    addresses.add(fields[1].substring(0, fields[1].indexOf(':')));
                }
            }
        }
        return addresses;
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private String metrics() {
        return get(managementPort, "/observe/metrics", null).body();
    }

    private HttpResponse<String> health() {
        return get(managementPort, "/observe/health", null);
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static HttpResponse<String> get(int port, String path, String login) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    login.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
