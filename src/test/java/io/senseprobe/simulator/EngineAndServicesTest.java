package io.senseprobe.simulator;

import static io.senseprobe.simulator.TlsClients.get;
import static io.senseprobe.simulator.TlsClients.getWithXrfkey;
import static io.senseprobe.simulator.TlsClients.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's WebSocket JSON-RPC and the repository's service states, as a client sees them. */
class EngineAndServicesTest extends SimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static HttpClient client;

    @BeforeAll
    static void connect() throws Exception {
        client = TlsClients.mutual(sim.files());
    }

    @AfterEach
    void siteAsAtStart() {
        sim.resetServiceStates();
    }

    @Test
    void engineDataPushesOnConnectedThenAnswersJsonRpc() throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = client.newWebSocketBuilder().buildAsync(
                URI.create("wss://localhost:" + sim.port(Listener.ENGINE) + "/app/engineData"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        messages.add(data.toString());
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            JsonNode connected = JSON.readTree(messages.poll(10, TimeUnit.SECONDS));
            assertEquals("OnConnected", connected.path("method").asText());
            assertEquals("SESSION_CREATED", connected.path("params").path("qSessionState").asText());

            socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"EngineVersion\",\"handle\":-1,\"params\":{}}", true);
            JsonNode version = JSON.readTree(messages.poll(10, TimeUnit.SECONDS));
            assertEquals(1, version.path("id").asInt());
            assertEquals(EngineApi.VERSION, version.path("result").path("qVersion").path("qComponentVersion").asText());

            socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"OpenDoc\",\"handle\":-1,\"params\":[\"x\"]}", true);
            JsonNode unknown = JSON.readTree(messages.poll(10, TimeUnit.SECONDS));
            assertEquals(2, unknown.path("id").asInt());
            assertEquals(-32601, unknown.path("error").path("code").asInt());
        } finally {
            socket.abort();
        }
        assertEquals(101, sim.requests(Listener.ENGINE).get(0).status());
        // the same port still answers the HTTPS health check
        assertEquals(200, get(client, uri(sim.port(Listener.ENGINE), "/engine/healthcheck")).statusCode());
    }

    @Test
    void engineDataNeedsTheClientCertificate() throws Exception {
        HttpClient anonymous = TlsClients.serverOnly(sim.files().rootCert());
        assertThrows(Exception.class, () -> anonymous.newWebSocketBuilder().buildAsync(
                URI.create("wss://localhost:" + sim.port(Listener.ENGINE) + "/app/engineData"),
                new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS));
    }

    @Test
    void serviceStatesByNumberAndTheirNamesInTheEnums() throws Exception {
        int qrs = sim.port(Listener.QRS);
        sim.serviceState("rim-1", "Scheduler", "NoCommunication");
        JsonNode enums = JSON.readTree(getWithXrfkey(client, qrs, "/qrs/about/api/enums").body());
        assertTrue(enums.path("ServiceStateEnum").path("values").toString().contains("3: NoCommunication"), enums.toString());
        assertEquals("ServiceStatus.ServiceType", enums.path("ServiceTypeEnum").path("usages").get(0).asText());

        JsonNode full = JSON.readTree(getWithXrfkey(client, qrs, "/qrs/servicestatus/full").body());
        assertEquals(11, full.size());
        JsonNode scheduler = null;
        for (JsonNode entry : full) {
            if (entry.path("serverNodeConfiguration").path("name").asText().equals("rim-1")
                    && entry.path("serviceType").asInt() == 2) {
                scheduler = entry;
            }
        }
        assertEquals(3, scheduler.path("serviceState").asInt(), full.toString());
        assertEquals(403, get(client, uri(qrs, "/qrs/servicestatus/full")).statusCode(), "xrfkey as every QRS call");
        assertThrows(IllegalArgumentException.class, () -> sim.serviceState("rim-1", "AppMigration", "Running"));
    }
}
