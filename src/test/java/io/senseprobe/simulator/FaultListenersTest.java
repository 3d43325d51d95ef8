package io.senseprobe.simulator;

import static io.senseprobe.simulator.TlsClients.getWithXrfkey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
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
    void trickleSendsItsHeadersAtOnceThenTheBodyOneByteASecond() throws Exception {
        int length = Json.bytes(QrsApi.about()).length;
        long start = System.nanoTime();
        try (RawHttpsCalls.Opened trickle = RawHttpsCalls.get(sim.files(), sim.port(Listener.TRICKLE), "/qrs/about")) {
            assertEquals("HTTP/1.1 200 OK", trickle.statusLine());
            assertTrue(trickle.headers().get("Content-Type").startsWith("application/json"), trickle.headers()::toString);
            // the whole /qrs/about body is announced: it takes minutes to arrive
            assertEquals(String.valueOf(length), trickle.headers().get("Content-Length"));
            assertTrue(length > 100, "body length " + length);
            assertEquals('{', trickle.body().read());
            assertTrue(millisSince(start) < 1500, "first byte after " + millisSince(start) + " ms");

            long firstByte = System.nanoTime();
            int read = 1;
            while (millisSince(firstByte) < 2000 && trickle.body().read() >= 0) {
                read++;
            }
            assertTrue(read >= 2 && read < 5, read + " bytes in about 2 s");
        }
    }

    @Test
    void trickleStopsWhenTheClientGoesAway() throws Exception {
        try (RawHttpsCalls.Opened trickle = RawHttpsCalls.get(sim.files(), sim.port(Listener.TRICKLE), "/qrs/about")) {
            trickle.body().read();
            assertTrue(RawHttpsCalls.tricklingThreads() >= 1);
        }
        // the next byte or two written to the closed connection fail
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (RawHttpsCalls.tricklingThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, RawHttpsCalls.tricklingThreads(), "still trickling 10 s after the client left");
    }

    private static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
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

    @Test
    void armedRedirectPointsAtTheNamedHostAndListenerUntilStopped() throws Exception {
        sim.redirect(Listener.CLOUD, "127.0.0.1", Listener.JWT_PROXY);
        try {
            HttpResponse<String> response = about(Listener.CLOUD);
            assertEquals(302, response.statusCode());
            assertTrue(response.headers().firstValue("Location").orElseThrow()
                    .startsWith("https://127.0.0.1:" + sim.port(Listener.JWT_PROXY) + "/qrs/about?xrfkey="));
        } finally {
            sim.stopRedirects();
        }
        assertEquals(401, about(Listener.CLOUD).statusCode(), "Cloud answers again (no key: 401), no redirect");
    }

    @Test
    void truncatedJsonIsTheFirstHalfOfTheAboutAnswer() throws Exception {
        String whole = about(Listener.QRS).body();
        HttpResponse<String> cut = about(Listener.TRUNCATED_JSON);
        assertEquals(200, cut.statusCode());
        assertTrue(cut.body().length() > 10 && whole.startsWith(cut.body()) && cut.body().length() < whole.length(), cut.body());
    }

    @Test
    void endlessBodyKeepsComingPastTwoMebibytes() throws Exception {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                TlsClients.uri(sim.port(Listener.ENDLESS_BODY), "/qrs/about")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertEquals(200, response.statusCode());
            byte[] twoMiB = body.readNBytes(2 * 1024 * 1024);
            assertEquals(2 * 1024 * 1024, twoMiB.length);
            assertTrue(new String(twoMiB, 0, 16, StandardCharsets.UTF_8).startsWith("{\"buildVersion\":"));
        }
    }

    @Test
    void headerListenersSendAStatusLineThenHeadersWithoutEnd() throws Exception {
        for (Listener listener : new Listener[] {Listener.SLOW_HEADERS, Listener.HEADER_FLOOD}) {
            SSLContext tls = TlsClients.mutualContext(sim.files().clientCert(), sim.files().clientKey(),
                    sim.files().rootCert());
            try (Socket socket = tls.getSocketFactory().createSocket("localhost", sim.port(listener))) {
                socket.setSoTimeout(5000);
                socket.getOutputStream().write("GET /qrs/about HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] head = socket.getInputStream().readNBytes(60);
                String text = new String(head, StandardCharsets.US_ASCII);
                assertTrue(text.startsWith("HTTP/1.1 200 OK\r\n") && !text.contains("\r\n\r\n"), text);
            }
            assertEquals("/qrs/about", sim.requests(listener).get(0).path());
        }
    }

    @Test
    void tlsStallReadsTheClientHelloAndNeverAnswers() throws Exception {
        SSLContext tls = TlsClients.mutualContext(sim.files().clientCert(), sim.files().clientKey(),
                sim.files().rootCert());
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory()
                .createSocket("localhost", sim.port(Listener.TLS_STALL))) {
            socket.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, socket::startHandshake);
        }
    }
}
