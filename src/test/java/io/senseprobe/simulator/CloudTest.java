package io.senseprobe.simulator;

import static io.senseprobe.simulator.TlsClients.get;
import static io.senseprobe.simulator.TlsClients.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CloudTest extends SimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static HttpClient client;
    static int port;

    @BeforeAll
    static void connect() throws Exception {
        client = TlsClients.serverOnly(sim.files().rootCert());
        port = sim.port(Listener.CLOUD);
    }

    @AfterEach
    void noRedirect() {
        sim.cloudRedirectsUsersMe(false);
    }

    private static HttpResponse<String> call(String path, String key) throws Exception {
        return get(client, uri(port, path), "Authorization", "Bearer " + key);
    }

    @Test
    void usersMeIsUtf8() throws Exception {
        HttpResponse<String> response = call("/api/v1/users/me", sim.apiKey());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().contains("charset=utf-8"));
        JsonNode me = JSON.readTree(response.body());
        assertEquals("Göran Sander", me.get("name").asText());
        assertTrue(me.get("id").asText().matches("[0-9a-f]{24}"));
        assertEquals(sim.cloudUserId(), me.get("id").asText());
        assertEquals(sim.tenantId(), me.get("tenantId").asText());
        assertEquals("active", me.get("status").asText());
        assertTrue(me.get("assignedRoles").isArray());
    }

    @Test
    void apiKeyLooksLikeARealOne() throws Exception {
        String[] parts = sim.apiKey().split("\\.");
        assertEquals(3, parts.length);
        JsonNode payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertEquals("qlik.api", payload.get("aud").asText());
        assertEquals("qlik.api/api-keys", payload.get("iss").asText());
        assertEquals("user", payload.get("subType").asText());
        assertEquals(sim.tenantId(), payload.get("tenantId").asText());
        for (String claim : new String[] {"sub", "jti", "iat", "exp"}) {
            assertTrue(payload.has(claim), claim);
        }
    }

    @Test
    void usersMeRedirectsOnTheSameOriginWhenAsked() throws Exception {
        sim.cloudRedirectsUsersMe(true);
        HttpResponse<String> response = call("/api/v1/users/me", sim.apiKey());
        assertTrue(response.statusCode() == 302 || response.statusCode() == 303);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertEquals(port, location.getPort());
        assertEquals("localhost", location.getHost());
        HttpResponse<String> followed = get(client, location, "Authorization", "Bearer " + sim.apiKey());
        assertEquals(200, followed.statusCode());
        assertTrue(followed.body().contains("Göran"));
    }

    @Test
    void tenant() throws Exception {
        HttpResponse<String> response = call("/api/v1/tenants/" + sim.tenantId(), sim.apiKey());
        assertEquals(200, response.statusCode());
        assertEquals(sim.tenantId(), JSON.readTree(response.body()).get("id").asText());
    }

    @Test
    void badMissingOrExpiredKeyIs401WithErrors() throws Exception {
        String expired = sim.mintApiKey(Instant.now().minus(Duration.ofMinutes(1)));
        for (String key : new String[] {"nonsense", sim.validJwt(), expired, sim.badSignatureJwt()}) {
            HttpResponse<String> response = call("/api/v1/users/me", key);
            assertEquals(401, response.statusCode(), key);
            JsonNode error = JSON.readTree(response.body());
            assertEquals("HTTP-401", error.at("/errors/0/code").asText());
            assertEquals("Unauthorized", error.at("/errors/0/title").asText());
            assertEquals("401", error.at("/errors/0/status").asText());
            assertTrue(error.at("/errors/0/detail").isTextual());
            assertTrue(error.get("traceId").isTextual());
        }
        assertEquals(401, get(client, uri(port, "/api/v1/users/me")).statusCode());
    }

    @Test
    void productInfoIs404WithoutAuth() throws Exception {
        assertEquals(404, get(client, uri(port, CloudApi.PRODUCT_INFO)).statusCode());
    }

    @Test
    void rateLimitCanBeArmedOnCloud() throws Exception {
        sim.rateLimitNext(Listener.CLOUD, 1, 7);
        HttpResponse<String> limited = call("/api/v1/users/me", sim.apiKey());
        assertEquals(429, limited.statusCode());
        assertEquals("7", limited.headers().firstValue("retry-after").orElseThrow());
        assertEquals("API rate limit reached.", JSON.readTree(limited.body()).at("/errors/0/title").asText());
        assertEquals(200, call("/api/v1/users/me", sim.apiKey()).statusCode());
    }
}
