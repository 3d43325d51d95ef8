package io.senseprobe.simulator;

import static io.senseprobe.simulator.TlsClients.get;
import static io.senseprobe.simulator.TlsClients.getWithXrfkey;
import static io.senseprobe.simulator.TlsClients.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtProxyTest extends SimulatorTest {
    static HttpClient client;
    static int port;

    @BeforeAll
    static void connect() throws Exception {
        client = TlsClients.serverOnly(sim.files().rootCert());
        port = sim.port(Listener.JWT_PROXY);
    }

    private static HttpResponse<String> about(String jwt) throws Exception {
        return getWithXrfkey(client, port, "/jwt/qrs/about", "Authorization", "Bearer " + jwt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS384", "RS512"})
    void acceptsRsaSignatures(String alg) throws Exception {
        HttpResponse<String> response = about(sim.mintJwt(alg, Instant.now().plus(Duration.ofMinutes(5))));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"buildVersion\":\"31.43.0.0\""));
        assertTrue(response.headers().firstValue("Set-Cookie").orElseThrow().startsWith("X-Qlik-Session-jwt="));
    }

    @Test
    void sessionCookieWorksAndShowsInProxyApi() throws Exception {
        HttpResponse<String> first = about(sim.validJwt());
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> again = getWithXrfkey(client, port, "/jwt/qrs/about", "Cookie", cookie);
        assertEquals(200, again.statusCode());
        String sessionId = cookie.substring(cookie.indexOf('=') + 1);
        HttpClient mutual = TlsClients.mutual(sim.files());
        String sessions = getWithXrfkey(mutual, sim.port(Listener.QPS), "/qps/jwt/session").body();
        assertTrue(sessions.contains("\"SessionId\":\"" + sessionId + "\""), sessions);
        String user = getWithXrfkey(mutual, sim.port(Listener.QPS), "/qps/jwt/user/SIM/jwt_user").body();
        assertTrue(user.contains("\"UserDirectory\":\"SIM\",\"UserId\":\"jwt_user\""), user);
    }

    @Test
    void rejectsBadSignatureExpiredUnsignedAndGarbage() throws Exception {
        for (String jwt : new String[] {sim.badSignatureJwt(), sim.expiredJwt(), sim.unsignedJwt(), "not.a.jwt"}) {
            HttpResponse<String> response = about(jwt);
            assertEquals(401, response.statusCode(), jwt);
            assertTrue(response.headers().firstValue("Set-Cookie").isEmpty());
        }
        assertTrue(sim.requests(Listener.JWT_PROXY).stream().anyMatch(r -> r.status() == 401));
    }

    @Test
    void rejectsMissingBearer() throws Exception {
        assertEquals(401, getWithXrfkey(client, port, "/jwt/qrs/about").statusCode());
    }

    @Test
    void unknownPrefixIsBare404() throws Exception {
        HttpResponse<String> response = getWithXrfkey(client, port, "/JWT-Proxy/qrs/about",
                "Authorization", "Bearer " + sim.validJwt());
        assertEquals(404, response.statusCode());
        assertEquals("", response.body());
        assertEquals(404, getWithXrfkey(client, port, "/qrs/about", "Authorization", "Bearer " + sim.validJwt())
                .statusCode());
    }

    @Test
    void xrfkeyStillRequiredBehindTheProxy() throws Exception {
        HttpResponse<String> response = get(client, uri(port, "/jwt/qrs/about"), "Authorization", "Bearer " + sim.validJwt());
        assertEquals(403, response.statusCode());
        assertEquals(Xrfkey.FAILED, response.body());
    }
}
