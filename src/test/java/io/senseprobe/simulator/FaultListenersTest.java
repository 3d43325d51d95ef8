package io.senseprobe.simulator;

import static io.senseprobe.simulator.TlsClients.getWithXrfkey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultListenersTest extends SimulatorTest {
    static HttpClient client;

    @BeforeAll
    static void connect() throws Exception {
        client = TlsClients.mutual(sim.files());
    }

    private static HttpResponse<String> about(Listener listener) throws Exception {
        return getWithXrfkey(client, sim.port(listener), "/qrs/about");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void expiredServerCertificate() {
        IOException e = assertThrows(IOException.class, () -> about(Listener.EXPIRED_CERT));
        assertTrue(causedBy(e, CertificateExpiredException.class), e.toString());
    }

    @Test
    void serverCertificateFromAnotherCa() {
        IOException e = assertThrows(IOException.class, () -> about(Listener.OTHER_CA));
        assertTrue(e instanceof SSLHandshakeException, e.toString());
        assertTrue(String.valueOf(e.getMessage()).contains("PKIX"), e.getMessage());
    }

    @Test
    void otherCaListenerAnswersWhenItsRootIsTrusted() throws Exception {
        SimulatorFiles f = sim.files();
        HttpClient trustingOther = TlsClients.mutual(f.clientCert(), f.clientKey(), f.otherCaRootCert());
        assertEquals(200, getWithXrfkey(trustingOther, sim.port(Listener.OTHER_CA), "/qrs/about").statusCode());
    }

    @Test
    void error500AndNotJson() throws Exception {
        HttpResponse<String> error = about(Listener.ERROR_500);
        assertEquals(500, error.statusCode());
        assertTrue(!error.body().isEmpty());
        HttpResponse<String> html = about(Listener.NOT_JSON);
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(html.body().startsWith("<!DOCTYPE html>"));
    }

    @Test
    void slowListenerDoesNotHoldUpOthers() throws Exception {
        sim.slowDelay(Duration.ofMillis(1500));
        try {
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return about(Listener.SLOW);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the request is recorded as soon as it arrives, before the delay
            while (sim.requests(Listener.SLOW).isEmpty()) {
                Thread.sleep(10);
            }
            assertEquals(200, about(Listener.QRS).statusCode());
            assertTrue(!slow.isDone(), "QRS answered while SLOW still waits");
            assertEquals(200, slow.get(10, TimeUnit.SECONDS).statusCode());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1400);
        } finally {
            sim.slowDelay(SenseSimulator.DEFAULT_SLOW_DELAY);
        }
    }

    @Test
    void rateLimitedAlternatesUntilArmedThenCounts() throws Exception {
        // unarmed: 429 (retry-after 1), 200, 429, ...
        HttpResponse<String> first = about(Listener.RATE_LIMITED);
        assertEquals(429, first.statusCode());
        assertEquals("1", first.headers().firstValue("retry-after").orElseThrow());
        assertTrue(first.body().contains("API rate limit reached."));
        assertEquals(200, about(Listener.RATE_LIMITED).statusCode());

        sim.rateLimitNext(2, 30);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> limited = about(Listener.RATE_LIMITED);
            assertEquals(429, limited.statusCode());
            assertEquals("30", limited.headers().firstValue("retry-after").orElseThrow());
        }
        assertEquals(200, about(Listener.RATE_LIMITED).statusCode());
        assertEquals(200, about(Listener.RATE_LIMITED).statusCode());
    }

    @Test
    void redirectPointsAtAnotherOriginThatNothingReaches() throws Exception {
        HttpResponse<String> response = about(Listener.REDIRECT);
        assertEquals(302, response.statusCode());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("https://localhost:" + sim.port(Listener.REDIRECT_TARGET) + "/qrs/about?xrfkey="),
                location);
        assertTrue(sim.requests(Listener.REDIRECT_TARGET).isEmpty());
        assertEquals(302, sim.requests(Listener.REDIRECT).get(0).status());
    }

    @Test
    void resetListenerResetsTheConnection() {
        assertThrows(IOException.class, () -> about(Listener.RESET));
    }
}
