package io.senseprobe.check;

import static io.senseprobe.check.CheckAssertions.assertContains;
import static io.senseprobe.check.CheckAssertions.assertFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import io.senseprobe.simulator.Listener;
import io.senseprobe.simulator.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Servers that answer, but in ways meant to hurt (issue 10): bodies without end, JSON cut off, redirect loops and
 * redirects elsewhere, headers that never end, a TLS handshake that stalls. Every read ends: at a size limit as
 * {@code bad-response}, or at the check's timeout; credentials never reach another origin.
 */
class HostileResponsesTest extends SimulatorCheckTest {
    @AfterEach
    void noMoreRedirects() {
        fx.sim.stopRedirects();
    }

    // ---- bodies ---------------------------------------------------------------------------------------

    @Test
    void aBodyWithoutEndStopsAtOneMebibyteAsBadResponseLongBeforeTheTimeout() {
        CheckResult result = fx.run(fx.cert(Listener.ENDLESS_BODY).with("timeout", "20s"));

        assertFailed(Category.BAD_RESPONSE, result);
        assertContains(result.message(), "/qrs/about", "more than 1 MiB", "1048576 bytes", "stopped reading");
        assertTrue(result.durationMs() < 10_000, "ended at the limit, not at the 20 s timeout: " + result);
        assertEquals(1, fx.sim.requests(Listener.ENDLESS_BODY).size());
    }

    @Test
    void aGzipBombStopsAtOneMebibyteOfUnpackedBytes() {
        CheckResult result = fx.run(fx.cert(Listener.GZIP_BOMB).with("timeout", "20s"));

        assertFailed(Category.BAD_RESPONSE, result);
        assertContains(result.message(), "/qrs/about", "more than 1 MiB", "stopped reading");
        assertTrue(result.durationMs() < 10_000, "ended at the limit, not at the 20 s timeout: " + result);
        assertEquals("gzip", fx.sim.requests(Listener.GZIP_BOMB).get(0).header("Accept-Encoding").split(",")[0].strip(),
                "the client asked for gzip, so what it unpacks is what is bounded");
    }

    @Test
    void jsonCutOffHalfwayIsBadResponseSayingSo() {
        CheckResult result = fx.run(fx.cert(Listener.TRUNCATED_JSON));

        assertFailed(Category.BAD_RESPONSE, result);
        assertContains(result.message(), "/qrs/about", "ends in the middle of its JSON", "cut short");
    }

    @Test
    void aBodyShorterThanItsContentLengthIsBadResponse() {
        CheckResult result = fx.run(fx.cert(Listener.CUT_SHORT));

        assertFailed(Category.BAD_RESPONSE, result);
        assertContains(result.message(), "broken HTTP answer", "Premature end of Content-Length delimited message body");
        assertEquals(1, fx.sim.requests(Listener.CUT_SHORT).size());
    }

    @Test
    void anEngineWebSocketMessageWithoutEndStopsAtOneMebibyteAsBadResponse() {
        fx.sim.engineSendsEndlessMessage(true);
        try {
            List<CheckResult> results = fx.runner().runChecks(fx.definition(fx.cert(Listener.QRS)
                    .with("engine-port", fx.port(Listener.ENGINE)).with("checks", List.of("engine-version"))
                    .with("timeout", "20s")));

            CheckResult result = results.get(0);
            assertFailed(Category.BAD_RESPONSE, result);
            assertContains(result.message(), "/app/engineData", "more than 1 MiB", "stopped reading");
            assertTrue(result.durationMs() < 10_000, "ended at the limit, not at the 20 s timeout: " + result);
        } finally {
            fx.sim.engineSendsEndlessMessage(false);
        }
    }

    // ---- redirects ------------------------------------------------------------------------------------

    @Test
    void aSameOriginRedirectLoopIsFollowedOnceThenReported() {
        fx.sim.redirect(Listener.QRS, "localhost", Listener.QRS);

        CheckResult result = fx.run(fx.cert(Listener.QRS));

        assertFailed(Category.HTTP_ERROR, result);
        assertContains(result.message(), "302", "follows one redirect only");
        assertEquals(List.of(302, 302), statuses(Listener.QRS));
    }

    @Test
    void cloudsOneAllowedRedirectDoesNotLoop() {
        fx.sim.redirect(Listener.CLOUD, "localhost", Listener.CLOUD);

        CheckResult result = fx.run(fx.cloud(fx.sim.apiKey()));

        assertFailed(Category.HTTP_ERROR, result);
        assertContains(result.message(), "302", "/api/v1/users/me", "follows one redirect only");
        assertEquals(List.of(302, 302), statuses(Listener.CLOUD));
    }

    @Test
    void aJwtNeverTravelsToTheOriginARedirectNames() {
        fx.sim.redirect(Listener.JWT_PROXY, "localhost", Listener.CLOUD);

        CheckResult result = fx.run(fx.jwt(fx.sim.validJwt()));

        assertFailed(Category.HTTP_ERROR, result);
        assertContains(result.message(), "302", "https://localhost:" + fx.port(Listener.CLOUD), "another host, port or scheme");
        assertOnlyReached(Listener.JWT_PROXY);
    }

    @Test
    void anApiKeyNeverTravelsToTheOriginARedirectNames() {
        fx.sim.redirect(Listener.CLOUD, "localhost", Listener.JWT_PROXY);

        CheckResult result = fx.run(fx.cloud(fx.sim.apiKey()));

        assertFailed(Category.HTTP_ERROR, result);
        assertContains(result.message(), "302", "https://localhost:" + fx.port(Listener.JWT_PROXY));
        assertOnlyReached(Listener.CLOUD);
    }

    @Test
    void aRedirectToAnotherHostNameOnTheSamePortIsNotFollowedEither() {
        fx.sim.redirect(Listener.CLOUD, "127.0.0.1", Listener.CLOUD);

        CheckResult result = fx.run(fx.cloud(fx.sim.apiKey()));

        assertFailed(Category.HTTP_ERROR, result);
        assertContains(result.message(), "https://127.0.0.1:" + fx.port(Listener.CLOUD), "another host, port or scheme");
        assertEquals(List.of(302), statuses(Listener.CLOUD), "the key went to localhost once, never to 127.0.0.1");
    }

    // ---- heads and handshakes -------------------------------------------------------------------------

    @Test
    void headersThatNeverEndTimeOutAtTheTimeout() {
        long start = System.nanoTime();

        CheckResult result = fx.run(fx.cert(Listener.SLOW_HEADERS).with("timeout", "1s"));

        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertFailed(Category.TIMEOUT, result);
        assertContains(result.message(), String.valueOf(fx.port(Listener.SLOW_HEADERS)), "1000 ms");
        assertTrue(tookMs < 2500, "took " + tookMs + " ms");
        assertEquals(1, fx.sim.requests(Listener.SLOW_HEADERS).size(), "the server had the request");
    }

    @Test
    void aFloodOfHeadersIsBadResponseAtTheHeaderLimit() {
        CheckResult result = fx.run(fx.cert(Listener.HEADER_FLOOD).with("timeout", "20s"));

        assertFailed(Category.BAD_RESPONSE, result);
        assertContains(result.message(), "broken HTTP answer", "header");
        assertTrue(result.durationMs() < 10_000, "ended at the limit, not at the 20 s timeout: " + result);
    }

    @Test
    void aTlsHandshakeThatStallsTimesOutAtTheTimeout() {
        for (CheckFixture.Values definition : List.of(fx.cert(Listener.TLS_STALL),
                fx.jwt(fx.sim.validJwt()).with("port", fx.port(Listener.TLS_STALL)))) {
            long start = System.nanoTime();

            CheckResult result = fx.run(definition.with("timeout", "1s"));

            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertFailed(Category.TIMEOUT, result);
            assertContains(result.message(), String.valueOf(fx.port(Listener.TLS_STALL)), "1000 ms");
            assertTrue(tookMs < 2500, "took " + tookMs + " ms");
        }
    }

    private static List<Integer> statuses(Listener listener) {
        return fx.sim.requests(listener).stream().map(RecordedRequest::status).toList();
    }

    /** One request, to {@code first}; no other listener of the simulator saw any, with credentials or without. */
    private static void assertOnlyReached(Listener first) {
        List<RecordedRequest> all = fx.sim.requests();
        assertEquals(1, all.size(), all::toString);
        assertEquals(first, all.get(0).listener());
        assertTrue(all.get(0).header("Authorization").startsWith("Bearer "), "it went to the first with its credential");
    }
}
