package io.senseprobe.simulator;

import static io.senseprobe.simulator.TlsClients.get;
import static io.senseprobe.simulator.TlsClients.getWithXrfkey;
import static io.senseprobe.simulator.TlsClients.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QrsListenerTest extends SimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String XSRF_BODY = "XSRF prevention check failed. Possible XSRF discovered.";

    static HttpClient client;
    static int qrs;

    @BeforeAll
    static void connect() throws Exception {
        client = TlsClients.mutual(sim.files());
        qrs = sim.port(Listener.QRS);
    }

    @BeforeEach
    void clear() {
        sim.clearRequests();
    }

    @Test
    void aboutWithXrfkeyAndUserHeaderWithSpace() throws Exception {
        HttpResponse<String> response = getWithXrfkey(client, qrs, "/qrs/about",
                "X-Qlik-User", "UserDirectory=INTERNAL; UserId=sa_api");
        assertEquals(200, response.statusCode());
        JsonNode about = JSON.readTree(response.body());
        assertEquals("31.43.0.0", about.get("buildVersion").asText());
        assertEquals("10/8/2021 12:43:37 PM", about.get("buildDate").asText());
        assertEquals(1, about.get("nodeType").asInt());
        assertEquals("About", about.get("schemaPath").asText());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));

        RecordedRequest recorded = sim.requests(Listener.QRS).get(0);
        assertEquals("GET", recorded.method());
        assertEquals("/qrs/about", recorded.path());
        assertEquals("INTERNAL", recorded.userDirectory());
        assertEquals("sa_api", recorded.userId());
        assertEquals("CN=QlikClient", recorded.clientCertSubject());
        assertEquals(recorded.queryParameter("xrfkey"), recorded.header("x-qlik-xrfkey"));
        assertEquals(200, recorded.status());
    }

    @Test
    void userHeaderWithoutSpaceAnyKeyCaseAndEncodedValues() throws Exception {
        HttpResponse<String> response = getWithXrfkey(client, qrs, "/qrs/about",
                "X-Qlik-User", "userdirectory=lab;USERID=g%C3%B6ran%20s");
        assertEquals(200, response.statusCode());
        RecordedRequest recorded = sim.requests().get(0);
        assertEquals("lab", recorded.userDirectory());
        assertEquals("göran s", recorded.userId());
    }

    @Test
    void noUserHeaderRunsAsAdmin() throws Exception {
        assertEquals(200, getWithXrfkey(client, qrs, "/qrs/app/count").statusCode());
        assertNull(sim.requests().get(0).userDirectory());
    }

    @Test
    void pathsAndXrfkeyParameterNameAreCaseInsensitive() throws Exception {
        String key = TlsClients.xrfkey();
        HttpResponse<String> response = get(client, uri(qrs, "/QRS/About/?Xrfkey=" + key), "X-Qlik-Xrfkey", key);
        assertEquals(200, response.statusCode());
        assertEquals("{\"value\":3}", getWithXrfkey(client, qrs, "/qrs/app/count").body());
        assertTrue(JSON.readTree(getWithXrfkey(client, qrs, "/qrs/about/api/description").body()).isArray());
        assertEquals(200, getWithXrfkey(client, qrs, "/qrs/servernodeconfiguration/local").statusCode());
    }

    @Test
    void missingXrfkeyIs403() throws Exception {
        HttpResponse<String> response = get(client, uri(qrs, "/qrs/about"));
        assertEquals(403, response.statusCode());
        assertEquals(XSRF_BODY, response.body());
        assertEquals(403, sim.requests(Listener.QRS).get(0).status());
    }

    @Test
    void headerWithoutParameterIs403() throws Exception {
        HttpResponse<String> response = get(client, uri(qrs, "/qrs/about"), "X-Qlik-Xrfkey", "abcdefghijklmnop");
        assertEquals(403, response.statusCode());
        assertEquals(XSRF_BODY, response.body());
    }

    @Test
    void mismatchedOrMalformedXrfkeyIs403() throws Exception {
        for (String[] pair : List.of(new String[] {"abcdefghijklmnop", "abcdefghijklmnoq"},
                new String[] {"short", "short"}, new String[] {"abcdefgh-jklmnop", "abcdefgh-jklmnop"})) {
            HttpResponse<String> response = get(client, uri(qrs, "/qrs/about?xrfkey=" + pair[0]), "X-Qlik-Xrfkey", pair[1]);
            assertEquals(403, response.statusCode(), pair[0]);
            assertEquals(XSRF_BODY, response.body());
        }
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertEquals(404, getWithXrfkey(client, qrs, "/qrs/nothing/here").statusCode());
    }

    @Test
    void handshakeRefusedWithoutClientCertificate() throws Exception {
        HttpClient noCert = TlsClients.serverOnly(sim.files().rootCert());
        assertThrows(IOException.class, () -> getWithXrfkey(noCert, qrs, "/qrs/about"));
        assertTrue(sim.requests().isEmpty());
    }

    @Test
    void handshakeRefusedWithClientCertificateOfAnotherSite() throws Exception {
        SimulatorFiles f = sim.files();
        HttpClient otherSite = TlsClients.mutual(f.otherCaClientCert(), f.otherCaClientKey(), f.rootCert());
        assertThrows(IOException.class, () -> getWithXrfkey(otherSite, qrs, "/qrs/about"));
        assertTrue(sim.requests().isEmpty());
    }

    @Test
    void serverCertificateHasNoIpName() {
        HttpClient byIp = client;
        IOException e = assertThrows(IOException.class, () -> TlsClients.get(byIp,
                java.net.URI.create("https://127.0.0.1:" + qrs + "/qrs/about")));
        assertTrue(e instanceof SSLHandshakeException, e.toString());
    }

    @Test
    void proxyApiListsSessionsAndUsers() throws Exception {
        int qps = sim.port(Listener.QPS);
        assertEquals("[]", getWithXrfkey(client, qps, "/qps/session").body());
        assertEquals("[]", getWithXrfkey(client, qps, "/qps/jwt/user/SIM/jwt_user").body());
        assertEquals(403, get(client, uri(qps, "/qps/session")).statusCode());
        assertEquals(404, getWithXrfkey(client, qps, "/qps/jwt/unknown").statusCode());
    }

    @Test
    void engineHealthCheckNeedsNoXrfkey() throws Exception {
        int engine = sim.port(Listener.ENGINE);
        for (String path : List.of("/engine/healthcheck", "/engine/healthcheck/", "/healthcheck", "/healthcheck/")) {
            HttpResponse<String> response = get(client, uri(engine, path));
            assertEquals(200, response.statusCode(), path);
            JsonNode health = JSON.readTree(response.body());
            assertTrue(health.get("started").asText().matches("\\d{8}T\\d{6}\\.\\d{3}[+-]\\d{4}"), health.toString());
            assertEquals(false, health.get("saturated").asBoolean());
            assertTrue(health.get("mem").has("committed"));
            assertTrue(health.get("apps").get("active_docs").isArray());
            assertTrue(health.get("cache").has("bytes_added"));
        }
        assertEquals(404, get(client, uri(engine, "/engine/nothing")).statusCode());
    }
}
