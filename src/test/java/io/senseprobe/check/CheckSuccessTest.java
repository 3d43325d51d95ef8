package io.senseprobe.check;

import static io.senseprobe.check.CheckAssertions.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.SenseProbeBeans;
import io.senseprobe.definition.Definition;
import io.senseprobe.result.Category;
import io.senseprobe.result.CertificateInfo;
import io.senseprobe.result.CheckResult;
import io.senseprobe.simulator.Listener;
import io.senseprobe.simulator.RecordedRequest;
import io.senseprobe.simulator.SenseSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks that succeed: each auth type and key format against the simulator, and what Sense received. */
class CheckSuccessTest extends SimulatorCheckTest {

    @Test
    void certificateCheckReportsBuildAndBothCertificates() {
        CheckResult result = fx.run(fx.cert(Listener.QRS));

        assertOk(result);
        assertEquals("qrs-about", result.check());
        assertEquals("cert", result.authType());
        assertEquals("31.43.0.0", result.sense().get("buildVersion"));
        assertEquals("10/8/2021 12:43:37 PM", result.sense().get("buildDate"));
        assertTrue(result.message().contains("31.43.0.0"), result.message());

        Map<String, CertificateInfo> byRole = result.certificates().stream()
                .collect(Collectors.toMap(CertificateInfo::role, c -> c));
        assertEquals(List.of(CertificateInfo.CLIENT, CertificateInfo.ROOT, CertificateInfo.SERVER),
                result.certificates().stream().map(CertificateInfo::role).toList());
        assertTrue(byRole.get(CertificateInfo.CLIENT).daysLeft() > 0, byRole.toString());
        assertTrue(byRole.get(CertificateInfo.SERVER).daysLeft() > 0, byRole.toString());
        assertTrue(byRole.get(CertificateInfo.SERVER).names().containsAll(List.of("localhost", "sense-sim")),
                byRole.toString());
    }

    @Test
    void certificateCheckSendsUserHeaderAndMatchingXrfkey() {
        assertOk(fx.run(fx.cert(Listener.QRS)));

        RecordedRequest request = single(Listener.QRS);
        assertEquals("GET", request.method());
        assertEquals("/qrs/about", request.path());
        assertEquals("UserDirectory=INTERNAL; UserId=sa_api", request.header("X-Qlik-User"));
        assertEquals("INTERNAL", request.userDirectory());
        assertEquals("sa_api", request.userId());
        assertNotNull(request.clientCertSubject(), "the client certificate reached the server");
        String xrfkey = request.header("X-Qlik-Xrfkey");
        assertNotNull(xrfkey);
        assertTrue(xrfkey.matches("[0-9A-Za-z]{16}"), xrfkey);
        assertEquals(xrfkey, request.queryParameter("xrfkey"));
        assertEquals(200, request.status());
    }

    @Test
    void everyRequestGetsItsOwnXrfkey() {
        assertOk(fx.run(fx.cert(Listener.QRS)));
        assertOk(fx.run(fx.cert(Listener.QRS)));

        List<RecordedRequest> requests = fx.sim.requests(Listener.QRS);
        assertEquals(2, requests.size());
        assertNotEquals(requests.get(0).header("X-Qlik-Xrfkey"), requests.get(1).header("X-Qlik-Xrfkey"));
        assertNotEquals(requests.get(0).queryParameter("xrfkey"), requests.get(1).queryParameter("xrfkey"));
    }

    @Test
    void jwtCheckSendsBearerTokenThroughTheVirtualProxy() {
        CheckResult result = fx.run(fx.jwt(fx.sim.validJwt()));

        assertOk(result);
        assertEquals("jwt", result.authType());
        assertEquals("31.43.0.0", result.sense().get("buildVersion"));
        RecordedRequest request = single(Listener.JWT_PROXY);
        assertEquals("/jwt/qrs/about", request.path());
        assertEquals("Bearer " + fx.sim.validJwt(), request.header("Authorization"));
        assertEquals(request.header("X-Qlik-Xrfkey"), request.queryParameter("xrfkey"));
        assertNull(request.header("X-Qlik-User"), "no X-Qlik-User with a JWT");
    }

    @Test
    void jwtSignedWithRs512IsAccepted() {
        // beyond sense.expiry.warn-days: an hour's token would be a warning (expiring)
        String token = fx.sim.mintJwt("RS512", Instant.now().plus(Duration.ofDays(60)));
        assertOk(fx.run(fx.jwt(token)));
    }

    @Test
    void apiKeyCheckReportsTheCloudUser() {
        CheckResult result = fx.run(fx.cloud(fx.sim.apiKey()));

        assertOk(result);
        assertEquals("users-me", result.check());
        assertEquals("qscloud", result.target());
        assertEquals("apikey", result.authType());
        assertEquals(fx.sim.tenantId(), result.sense().get("tenantId"));
        assertEquals(fx.sim.cloudUserId(), result.sense().get("userId"));
        assertEquals("Göran Sander", result.sense().get("userName"));
        assertEquals("goran@example.com", result.sense().get("userEmail"));
        assertEquals("active", result.sense().get("userStatus"));
        assertTrue(result.message().contains("Göran Sander"), result.message());

        RecordedRequest request = single(Listener.CLOUD);
        assertEquals("/api/v1/users/me", request.path());
        assertEquals("Bearer " + fx.sim.apiKey(), request.header("Authorization"));
        assertNull(request.header("X-Qlik-Xrfkey"), "Cloud calls carry no xrfkey");
    }

    @Test
    void cloudRedirectOfUsersMeToTheSameOriginIsFollowed() {
        fx.sim.cloudRedirectsUsersMe(true);
        try {
            CheckResult result = fx.run(fx.cloud(fx.sim.apiKey()));

            assertOk(result);
            assertEquals("Göran Sander", result.sense().get("userName"));
            List<RecordedRequest> requests = fx.sim.requests(Listener.CLOUD);
            assertEquals(List.of("/api/v1/users/me", "/api/v1/users/" + fx.sim.cloudUserId()),
                    requests.stream().map(RecordedRequest::path).toList());
            assertEquals(List.of(302, 200), requests.stream().map(RecordedRequest::status).toList());
            assertEquals("Bearer " + fx.sim.apiKey(), requests.get(1).header("Authorization"));
        } finally {
            fx.sim.cloudRedirectsUsersMe(false);
        }
    }

    @Test
    void pkcs1KeyWorks() {
        assertOk(fx.run(fx.cert(Listener.QRS).with("auth-cert-key-file", fx.files.clientKey())));
    }

    @Test
    void pkcs8KeyWorks() {
        assertOk(fx.run(fx.cert(Listener.QRS).with("auth-cert-key-file", fx.files.clientKeyPkcs8())));
    }

    @Test
    void legacyEncryptedKeyWorksWithThePassphrase() {
        assertOk(fx.run(fx.cert(Listener.QRS)
                .with("auth-cert-key-file", fx.files.clientKeyLegacyEncrypted())
                .with("auth-cert-key-passphrase", SenseSimulator.KEY_PASSPHRASE)));
    }

    @Test
    void encryptedPkcs8KeyWorksWithThePassphrase() {
        assertOk(fx.run(fx.cert(Listener.QRS)
                .with("auth-cert-key-file", fx.files.clientKeyPkcs8Encrypted())
                .with("auth-cert-key-passphrase", SenseSimulator.KEY_PASSPHRASE)));
    }

    @Test
    void runAllReturnsTheResultsInTheDefinitionsOrder() {
        var definitions = List.of(
                fx.definition(fx.cert(Listener.SLOW).with("name", "a-slow").with("timeout", "1s")),
                fx.definition(fx.cert(Listener.ERROR_500).with("name", "b-500")),
                fx.definition(fx.cloud(fx.sim.apiKey()).with("name", "c-cloud")),
                fx.definition(fx.cert(Listener.NOT_JSON).with("name", "d-not-json")),
                fx.definition(fx.jwt(fx.sim.validJwt()).with("name", "e-jwt")),
                fx.definition(fx.cert(Listener.QRS).with("name", "f-qrs")));

        List<CheckResult> results = fx.runner().runAll(definitions);

        assertEquals(List.of("a-slow", "b-500", "c-cloud", "d-not-json", "e-jwt", "f-qrs"),
                results.stream().map(CheckResult::connection).toList());
        assertEquals(List.of(Category.TIMEOUT, Category.HTTP_ERROR, Category.OK, Category.BAD_RESPONSE,
                        Category.OK, Category.OK), results.stream().map(CheckResult::category).toList());
        assertEquals(fx.port(Listener.ERROR_500), results.get(1).port());
    }

    @Test
    void manyHangingServersDoNotDelayTheCheckOfAHealthyOne() {
        List<Definition> definitions = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            definitions.add(fx.definition(fx.cert(Listener.SLOW).with("name", "hanging-" + i).with("timeout", "2s")));
        }
        definitions.add(fx.definition(fx.cert(Listener.QRS).with("name", "healthy").with("timeout", "1s")));

        List<CheckResult> results = fx.runner().runAll(definitions);

        CheckResult healthy = results.get(results.size() - 1);
        assertEquals("healthy", healthy.connection());
        assertOk(healthy);
        assertTrue(results.subList(0, 12).stream().allMatch(r -> r.category() == Category.TIMEOUT), results::toString);
    }

    @Test
    void injectedClockDatesTheResultAndCountsCertificateDays() throws Exception {
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(300));
        try (OneShotCamel camel = OneShotCamel.start(fx.appHome, new SenseProbeBeans(later))) {
            Instant before = later.instant();

            CheckResult result = camel.runner().run(fx.definition(fx.cert(Listener.QRS)));

            assertOk(result);
            Instant checkedAt = Instant.parse(result.checkedAt());
            assertTrue(!checkedAt.isBefore(before) && checkedAt.isBefore(later.instant().plusSeconds(1)), result.checkedAt());
            for (CertificateInfo certificate : result.certificates()) {
                long expected = Duration.between(later.instant(), Instant.parse(certificate.notAfter())).toDays();
                assertTrue(Math.abs(certificate.daysLeft() - expected) <= 1, certificate.toString());
                // the site's CA lasts ten years, the leaves one
                long longest = certificate.role().equals(CertificateInfo.ROOT) ? 3400 : 100;
                assertTrue(certificate.daysLeft() < longest, "counted from the injected clock: " + certificate);
            }
        }
    }

    private static RecordedRequest single(Listener listener) {
        List<RecordedRequest> requests = fx.sim.requests(listener);
        assertEquals(1, requests.size(), requests::toString);
        return requests.get(0);
    }
}
