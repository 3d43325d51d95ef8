package io.senseprobe.check;

import static io.senseprobe.check.CheckAssertions.assertContains;
import static io.senseprobe.check.CheckAssertions.assertFailed;
import static io.senseprobe.check.CheckAssertions.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import io.senseprobe.simulator.Listener;
import io.senseprobe.simulator.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Refused credentials, HTTP answers that are not a good result, and network failures. */
class CheckFailureTest extends SimulatorCheckTest {
    @BeforeAll
    static void slowServerAnswersAfterFiveSeconds() {
        fx.sim.slowDelay(Duration.ofSeconds(5));
    }

    // ---- credentials --------------------------------------------------------------------------------

    @Test
    void jwtWithBadSignatureIsRejected() {
        assertJwtRejected(fx.sim.badSignatureJwt());
    }

    /** Was auth-rejected (the proxy's 401): an expired JWT is now found before it is sent (ExpiryTest has more). */
    @Test
    void expiredJwtFailsBeforeItIsSent() {
        CheckResult result = fx.run(fx.jwt(fx.sim.expiredJwt()));

        assertFailed(Category.CREDENTIAL_EXPIRED, result);
        assertTrue(fx.sim.requests(Listener.JWT_PROXY).isEmpty(), "nothing sent");
    }

    @Test
    void unsignedJwtIsRejected() {
        assertJwtRejected(fx.sim.unsignedJwt());
    }

    /** Was auth-rejected with the tenant's 401 title: an expired API key is now found before it is sent. */
    @Test
    void expiredApiKeyFailsBeforeItIsSent() {
        CheckResult result = fx.run(fx.cloud(fx.sim.mintApiKey(Instant.now().minus(Duration.ofDays(1)))));

        assertFailed(Category.CREDENTIAL_EXPIRED, result);
        assertContains(result.hint(), "API key");
        assertTrue(fx.sim.requests(Listener.CLOUD).isEmpty(), "nothing sent");
    }

    @Test
    void revokedApiKeyIsRejectedWithTheCloudErrorTitle() {
        CheckResult result = fx.run(fx.cloud(fx.sim.badSignatureJwt()));

        assertFailed(Category.AUTH_REJECTED, result);
        assertContains(result.message(), "HTTP 401", "Unauthorized", "expired or revoked");
        assertContains(result.hint(), "API key");
        assertEquals(401, single(Listener.CLOUD).status());
    }

    @Test
    void garbageApiKeyIsRejected() {
        CheckResult result = fx.run(fx.cloud("not-an-api-key"));

        assertFailed(Category.AUTH_REJECTED, result);
        assertContains(result.message(), "Unauthorized");
        assertFalse(result.toString().contains("not-an-api-key"), "the key stays out of the result");
    }

    @Test
    void virtualProxyDescriptionInsteadOfPrefixGetsPrefixHint() {
        CheckResult result = fx.run(fx.jwt(fx.sim.validJwt()).with("virtual-proxy", "JWT-Proxy"));

        assertFailed(Category.HTTP_ERROR, result);
        assertContains(result.message(), "404", "JWT-Proxy");
        assertContains(result.hint(), "prefix", "description");
        assertEquals("/JWT-Proxy/qrs/about", single(Listener.JWT_PROXY).path());
    }

    // ---- HTTP answers ---------------------------------------------------------------------------------

    @Test
    void rateLimitedOnceIsRetriedAfterRetryAfter() {
        fx.sim.rateLimitNext(1, 1);

        CheckResult result = fx.run(fx.cert(Listener.RATE_LIMITED));

        assertOk(result);
        List<RecordedRequest> requests = fx.sim.requests(Listener.RATE_LIMITED);
        assertEquals(List.of(429, 200), requests.stream().map(RecordedRequest::status).toList());
        Duration between = Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt());
        assertTrue(between.toMillis() >= 1000, "retried after " + between);
        String firstKey = requests.get(0).header("X-Qlik-Xrfkey");
        String secondKey = requests.get(1).header("X-Qlik-Xrfkey");
        assertEquals(secondKey, requests.get(1).queryParameter("xrfkey"), "one xrfkey in the retried query");
        assertNotEquals(firstKey, secondKey, "the retry gets a fresh xrfkey");
    }

    @Test
    void rateLimitedPastTheDeadlineFailsAtOnceWithoutRetrying() {
        fx.sim.rateLimitNext(1, 1);
        long start = System.nanoTime();

        CheckResult result = fx.run(fx.cert(Listener.RATE_LIMITED).with("timeout", "500ms"));

        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertFailed(Category.RATE_LIMITED, result);
        assertContains(result.message(), "429", "1 s", "500 ms");
        assertTrue(tookMs < 1000, "took " + tookMs + " ms");
        assertEquals(1, fx.sim.requests(Listener.RATE_LIMITED).size());
    }

    @Test
    void serverErrorIsHttpErrorNamingTheStatusAndWhichServiceThePortIsFor() {
        CheckResult result = fx.run(fx.cert(Listener.ERROR_500));

        assertFailed(Category.HTTP_ERROR, result);
        assertContains(result.message(), "HTTP 500", "/qrs/about");
        assertContains(result.hint(), "The service on port " + fx.port(Listener.ERROR_500) + " failed",
                "4242 with a client certificate", "repository service runs");
    }

    // ---- port-aware hints: a wrong port is told which port serves what, not "check the URL" ----------------

    @Test
    void aClientCertificateOnTheProxyOrEnginePortIsToldThatTheRepositoryIsOn4242() {
        for (Listener port : new Listener[] {Listener.QPS, Listener.ENGINE}) {
            CheckResult result = fx.run(fx.cert(port));

            assertFailed(Category.HTTP_ERROR, result);
            assertContains(result.message(), "HTTP 404", "/qrs/about");
            assertContains(result.hint(), "Port " + fx.port(port) + " answers, but not as the repository",
                    "4242 with a client certificate", "4243 is the proxy API", "4747 the engine", "Use port 4242");
        }
    }

    @Test
    void aJwtOnTheRepositoryPortIsToldToUseTheVirtualProxysPort() {
        CheckResult result = fx.run(fx.jwt(fx.sim.validJwt()).with("port", fx.port(Listener.QRS)));

        assertNotEquals(Category.OK, result.category(), result.message());
        assertContains(result.hint(), "Port " + fx.port(Listener.QRS) + " closed the connection",
                "want a client certificate (4242", "virtual proxy, on its proxy's port (usually 443)");
    }

    @Test
    void aResetWithACertificateKeepsTheGenericHint() {
        CheckResult result = fx.run(fx.cert(Listener.RESET));

        assertFailed(Category.CONNECTION_RESET, result);
        assertContains(result.hint(), Category.CONNECTION_RESET.defaultHint());
    }

    @Test
    void htmlInsteadOfJsonIsBadResponse() {
        CheckResult result = fx.run(fx.cert(Listener.NOT_JSON));

        assertFailed(Category.BAD_RESPONSE, result);
        assertContains(result.message(), "/qrs/about", "JSON", "<!DOCTYPE html>");
    }

    @Test
    void crossOriginRedirectIsNotFollowed() {
        CheckResult result = fx.run(fx.cert(Listener.REDIRECT));

        assertFailed(Category.HTTP_ERROR, result);
        assertContains(result.message(), "302",
                "https://localhost:" + fx.port(Listener.REDIRECT_TARGET) + "/qrs/about", "another host, port or scheme");
        assertEquals(1, fx.sim.requests(Listener.REDIRECT).size());
        assertTrue(fx.sim.requests(Listener.REDIRECT_TARGET).isEmpty(), "credentials stayed with the first server");
    }

    // ---- network --------------------------------------------------------------------------------------

    @Test
    void slowServerTimesOutAtTheTimeout() {
        long start = System.nanoTime();

        CheckResult result = fx.run(fx.cert(Listener.SLOW).with("timeout", "1s"));

        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertFailed(Category.TIMEOUT, result);
        assertContains(result.message(), "localhost", String.valueOf(fx.port(Listener.SLOW)), "1000 ms");
        assertTrue(tookMs < 2500, "took " + tookMs + " ms");
        assertTrue(result.durationMs() < 2500, result::toString);
    }

    @Test
    void closedPortIsConnectionRefused() throws Exception {
        int port = CheckFixture.closedPort();

        CheckResult result = fx.run(fx.cert(Listener.QRS).with("port", port));

        assertFailed(Category.CONNECTION_REFUSED, result);
        assertContains(result.message(), "localhost", String.valueOf(port));
    }

    @Test
    void unknownHostIsDns() {
        CheckResult result = fx.run(fx.cert(Listener.QRS).with("host", "no-such-host.invalid").with("timeout", "5s"));

        assertFailed(Category.DNS, result);
        assertContains(result.message(), "no-such-host.invalid");
    }

    @Test
    void connectionResetRightAfterConnectIsConnectionReset() {
        CheckResult result = fx.run(fx.cert(Listener.RESET));

        assertFailed(Category.CONNECTION_RESET, result);
        assertContains(result.message(), "localhost", String.valueOf(fx.port(Listener.RESET)));
    }

    @Test
    void serverThatNeverAnswersTimesOutAtTheTimeout() throws Exception {
        try (SilentServer silent = new SilentServer(false)) {
            long start = System.nanoTime();

            CheckResult result = fx.run(fx.cert(Listener.QRS).with("port", silent.port()).with("timeout", "1s"));

            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertFailed(Category.TIMEOUT, result);
            assertContains(result.message(), String.valueOf(silent.port()));
            assertTrue(tookMs < 2500, "took " + tookMs + " ms");
        }
    }

    @Test
    void plainHttpPortIsReportedAsNotTls() throws Exception {
        try (SilentServer plain = new SilentServer(true)) {
            CheckResult result = fx.run(fx.cert(Listener.QRS).with("port", plain.port()));

            assertFailed(Category.CONNECTION_RESET, result);
            assertContains(result.message(), String.valueOf(plain.port()), "TLS handshake");
            assertContains(result.hint(), "TLS port");
        }
    }

    private static void assertJwtRejected(String token) {
        CheckResult result = fx.run(fx.jwt(token));

        assertFailed(Category.AUTH_REJECTED, result);
        assertContains(result.message(), "HTTP 401");
        assertContains(result.hint(), "JWT", "\"jwt\"");
        RecordedRequest request = single(Listener.JWT_PROXY);
        assertEquals("Bearer " + token, request.header("Authorization"));
        assertEquals(401, request.status());
        assertFalse(result.toString().contains(token), "the token stays out of the result");
    }

    private static RecordedRequest single(Listener listener) {
        List<RecordedRequest> requests = fx.sim.requests(listener);
        assertEquals(1, requests.size(), requests::toString);
        return requests.get(0);
    }

    /**
     * A TCP peer on loopback that accepts connections and either never says a word, or answers any bytes with a
     * plain HTTP 400 as a web server on a non-TLS port does.
     */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer(boolean plainHttp) throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        accepted.add(socket);
                        if (plainHttp) {
                            socket.getInputStream().read(new byte[1024]);
                            socket.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                            socket.getOutputStream().flush();
                        }
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
