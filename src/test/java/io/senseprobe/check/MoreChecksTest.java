package io.senseprobe.check;

import static io.senseprobe.check.CheckAssertions.assertContains;
import static io.senseprobe.check.CheckAssertions.assertFailed;
import static io.senseprobe.check.CheckAssertions.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.Status;
import io.senseprobe.simulator.Listener;
import io.senseprobe.simulator.RecordedRequest;
import io.senseprobe.simulator.SenseSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The checks beyond the connection test, each against the simulator: one result per check, ok and failing. */
class MoreChecksTest extends SimulatorCheckTest {

    @AfterEach
    void siteAsAtStart() {
        fx.sim.resetServiceStates();
        fx.sim.engineSaturated(false);
    }

    private List<CheckResult> run(CheckFixture.Values values) {
        return fx.runner().runChecks(fx.definition(values));
    }

    private CheckFixture.Values withChecks(CheckFixture.Values values, String... checks) {
        return values.with("checks", List.of(checks));
    }

    private CheckResult only(CheckFixture.Values values, String check) {
        List<CheckResult> results = run(withChecks(values, check));
        assertEquals(1, results.size(), results.toString());
        assertEquals(check, results.get(0).check());
        return results.get(0);
    }

    @Test
    void enginePortAddsTheEngineHealthCheckWithItsOwnResult() {
        List<CheckResult> results = run(fx.cert(Listener.QRS).with("engine-port", fx.port(Listener.ENGINE)));

        assertEquals(List.of("qrs-about", "engine-health"), results.stream().map(CheckResult::check).toList());
        results.forEach(CheckAssertions::assertOk);
        CheckResult engine = results.get(1);
        assertEquals(fx.port(Listener.ENGINE), engine.port());
        assertEquals("12.1477.0", engine.sense().get("engineVersion"));
        assertEquals(1, engine.sense().get("sessionsActive"));
        assertEquals(2, engine.sense().get("usersTotal"));
        assertEquals(false, engine.sense().get("saturated"));
        assertNotNull(engine.sense().get("engineStarted"));
        assertContains(engine.message(), "Engine 12.1477.0", "port " + fx.port(Listener.ENGINE));
        RecordedRequest request = fx.sim.requests(Listener.ENGINE).get(0);
        assertEquals("/engine/healthcheck", request.path());
        assertEquals(null, request.rawQuery());
    }

    @Test
    void aSaturatedEngineIsAWarning() {
        fx.sim.engineSaturated(true);
        CheckResult result = only(fx.cert(Listener.QRS).with("engine-port", fx.port(Listener.ENGINE)), "engine-health");

        assertEquals(Status.WARNING, result.status());
        assertEquals(Category.ENGINE_SATURATED, result.category());
        assertEquals(true, result.sense().get("saturated"));
        assertContains(result.message(), "saturated", "above 90 %");
        assertEquals(Category.ENGINE_SATURATED.defaultHint(), result.hint());
    }

    @Test
    void anEnginePortThatIsNotTheEnginesFailsThatCheckOnly() throws Exception {
        int closed = CheckFixture.closedPort();
        List<CheckResult> results = run(fx.cert(Listener.QRS).with("engine-port", closed));

        assertOk(results.get(0));
        assertFailed(Category.CONNECTION_REFUSED, results.get(1));
        assertContains(results.get(1).message(), "port " + closed);
        assertEquals(closed, results.get(1).port());
    }

    @Test
    void engineVersionOverTheWebSocketWithTheClientCertificate() {
        CheckResult result = only(fx.cert(Listener.QRS).with("engine-port", fx.port(Listener.ENGINE)), "engine-version");

        assertOk(result);
        assertEquals("12.1477.0", result.sense().get("engineVersion"));
        assertEquals(fx.port(Listener.ENGINE), result.port());
        assertContains(result.message(), "answers JSON-RPC: version 12.1477.0");
        RecordedRequest upgrade = fx.sim.requests(Listener.ENGINE).get(0);
        assertEquals("/app/engineData", upgrade.path());
        assertEquals(101, upgrade.status());
        assertEquals("sa_api", upgrade.userId());
        assertNotNull(upgrade.clientCertFingerprint());
        assertTrue(result.certificates().stream().anyMatch(c -> c.role().equals("client")), result.toString());
    }

    @Test
    void engineVersionOnAPortWithoutTheEngineFails() throws Exception {
        CheckResult refused = only(fx.cert(Listener.QRS).with("engine-port", CheckFixture.closedPort()), "engine-version");
        assertFailed(Category.CONNECTION_REFUSED, refused);

        // a port that answers HTTP, not the upgrade
        CheckResult notEngine = only(fx.cert(Listener.QRS).with("engine-port", fx.port(Listener.ERROR_500)), "engine-version");
        assertFailed(Category.HTTP_ERROR, notEngine);
        assertContains(notEngine.message(), "refused the WebSocket to /app/engineData (HTTP 500)");
        assertContains(notEngine.hint(), "engine-port");
    }

    @Test
    void proxyCheckCountsTheSessionsWithAnXrfkey() {
        List<CheckResult> results = run(fx.cert(Listener.QRS).with("proxy-port", fx.port(Listener.QPS)));

        assertEquals(List.of("qrs-about", "proxy"), results.stream().map(CheckResult::check).toList());
        CheckResult proxy = results.get(1);
        assertOk(proxy);
        assertTrue(proxy.sense().get("sessions") instanceof Integer, proxy.sense().toString());
        assertContains(proxy.message(), "session(s) on the default virtual proxy");
        RecordedRequest request = fx.sim.requests(Listener.QPS).get(0);
        assertEquals("/qps/session", request.path());
        assertTrue(request.rawQuery().matches("xrfkey=[0-9A-Za-z]{16}"), request.rawQuery());
    }

    @Test
    void proxyCheckOnAPrefixedVirtualProxy() {
        CheckResult proxy = only(fx.cert(Listener.QRS).with("proxy-port", fx.port(Listener.QPS))
                .with("virtual-proxy", SenseSimulator.JWT_PREFIX), "proxy");

        assertOk(proxy);
        assertEquals("/qps/" + SenseSimulator.JWT_PREFIX + "/session", fx.sim.requests(Listener.QPS).get(0).path());
    }

    @Test
    void servicesAllRunningOrDisabledIsOk() {
        CheckResult result = only(fx.cert(Listener.QRS), "services");

        assertOk(result);
        assertEquals(2, result.sense().get("nodes"));
        assertEquals(11, result.sense().get("services"));
        assertEquals(10, result.sense().get("running"));
        assertEquals(List.of("/qrs/about/api/enums", "/qrs/servicestatus/full"),
                fx.sim.requests(Listener.QRS).stream().map(RecordedRequest::path).toList());
    }

    @Test
    void aServiceThatIsNotRunningFailsNamingNodeAndService() {
        fx.sim.serviceState("rim-1", "Engine", "NoCommunication");
        fx.sim.serviceState("Central", "Scheduler", "Initializing");
        CheckResult result = only(fx.cert(Listener.QRS), "services");

        // a failure that still says what the answer held
        assertEquals(Status.FAILED, result.status());
        assertEquals(Category.SERVICE_DOWN, result.category());
        assertContains(result.message(), "1 service is not running: Engine on node rim-1 is NoCommunication",
                "Scheduler on node Central is Initializing");
        assertEquals(8, result.sense().get("running"));
    }

    @Test
    void anInitializingServiceIsAWarning() {
        fx.sim.serviceState("Central", "Proxy", "Initializing");
        CheckResult result = only(fx.cert(Listener.QRS), "services");

        assertEquals(Status.WARNING, result.status());
        assertEquals(Category.SERVICE_INITIALIZING, result.category());
        assertContains(result.message(), "1 service is still starting: Proxy on node Central is Initializing.");
    }

    @Test
    void servicesThroughTheJwtVirtualProxy() {
        CheckResult result = only(fx.jwt(fx.sim.validJwt()), "services");

        assertOk(result);
        assertEquals(List.of("/jwt/qrs/about/api/enums", "/jwt/qrs/servicestatus/full"),
                fx.sim.requests(Listener.JWT_PROXY).stream().map(RecordedRequest::path).toList());
    }

    @Test
    void tenantCheckReadsTheTenantOfTheKey() {
        List<CheckResult> results = run(withChecks(fx.cloud(fx.sim.apiKey()), "users-me", "tenant"));

        results.forEach(CheckAssertions::assertOk);
        CheckResult tenant = results.get(1);
        assertEquals("tenant", tenant.check());
        assertEquals(fx.sim.tenantId(), tenant.sense().get("tenantId"));
        assertEquals("sense-sim", tenant.sense().get("tenantName"));
        assertEquals("active", tenant.sense().get("tenantStatus"));
        assertContains(tenant.message(), "Qlik Cloud tenant sense-sim", "is active");
        assertEquals(List.of("/api/v1/users/me", "/api/v1/users/me", "/api/v1/tenants/" + fx.sim.tenantId()),
                fx.sim.requests(Listener.CLOUD).stream().map(RecordedRequest::path).toList());
    }

    @Test
    void tenantCheckWithARefusedKeyFails() {
        CheckResult tenant = only(fx.cloud(fx.sim.mintApiKey(java.time.Instant.now().plusSeconds(3600)) + "x"), "tenant");

        assertEquals(Status.FAILED, tenant.status());
        assertEquals("tenant", tenant.check());
    }

    @Test
    void withoutChecksOneResultAsBefore() {
        List<CheckResult> results = run(fx.cert(Listener.QRS));

        assertEquals(1, results.size());
        assertOk(results.get(0));
        assertEquals("qrs-about", results.get(0).check());
    }
}
