package io.senseprobe.check;

import static io.senseprobe.check.CheckAssertions.assertContains;
import static io.senseprobe.check.CheckAssertions.assertFailed;
import static io.senseprobe.check.CheckAssertions.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.definition.LoadResult;
import io.senseprobe.result.Category;
import io.senseprobe.result.CertificateInfo;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.CredentialInfo;
import io.senseprobe.result.ResultJson;
import io.senseprobe.result.Status;
import io.senseprobe.simulator.ClientCredential;
import io.senseprobe.simulator.Listener;
import io.senseprobe.simulator.SenseSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End dates in the result (client, chain, root, server certificates; JWT and API key), warnings inside
 * sense.expiry.warn-days (default 30,14,7,1), and expired local material found before connecting.
 */
class ExpiryTest extends SimulatorCheckTest {
    private static final Instant IN_TEN_DAYS = Instant.now().plus(Duration.ofDays(10)).plus(Duration.ofHours(1));
    private static final Instant YESTERDAY = Instant.now().minus(Duration.ofDays(1));

    @Test
    void okCheckListsClientRootAndServerCertificatesWithDaysLeft() {
        CheckResult result = fx.run(fx.cert(Listener.QRS));

        assertOk(result);
        assertEquals(List.of(CertificateInfo.CLIENT, CertificateInfo.ROOT, CertificateInfo.SERVER),
                result.certificates().stream().map(CertificateInfo::role).toList());
        assertTrue(result.certificates().stream().allMatch(c -> c.daysLeft() > 300), result.certificates()::toString);
        assertEquals(List.of(), result.credentials());
    }

    @Test
    void clientCertificateExpiringInTenDaysIsAWarning() throws Exception {
        ClientCredential soon = fx.sim.issueClientCredential(Files.createTempDirectory(dir, "soon"), IN_TEN_DAYS);

        CheckResult result = fx.run(fx.cert(Listener.QRS).with("auth-cert-file", soon.certFile())
                .with("auth-cert-key-file", soon.keyFile()));

        assertEquals(Status.WARNING, result.status(), result::toString);
        assertEquals(Category.EXPIRING, result.category(), result::toString);
        assertContains(result.message(), "client certificate CN=QlikClient", "expires on "
                + IN_TEN_DAYS.toString().substring(0, 10), "(10 days left)");
        assertContains(result.hint(), "QMC");
        assertEquals("31.43.0.0", result.sense().get("buildVersion"), "the check itself worked");
        assertEquals(10, client(result).daysLeft());
        String json = ResultJson.line(result);
        assertContains(json, "\"status\":\"warning\"", "\"category\":\"expiring\"", "\"role\":\"client\"");
    }

    @Test
    void chainBehindTheClientCertificateIsListed() throws Exception {
        ClientCredential leaf = fx.sim.issueClientCredential(Files.createTempDirectory(dir, "chain"));
        Path withChain = leaf.certFile().resolveSibling("client-chain.pem");
        Files.writeString(withChain, Files.readString(leaf.certFile()) + Files.readString(fx.files.rootCert()));

        CheckResult result = fx.run(fx.cert(Listener.QRS).with("auth-cert-file", withChain)
                .with("auth-cert-key-file", leaf.keyFile()));

        assertOk(result);
        assertEquals(List.of(CertificateInfo.CLIENT, CertificateInfo.CHAIN, CertificateInfo.ROOT, CertificateInfo.SERVER),
                result.certificates().stream().map(CertificateInfo::role).toList());
    }

    @Test
    void expiredClientCertificateFailsBeforeConnecting() throws Exception {
        ClientCredential old = fx.sim.issueClientCredential(Files.createTempDirectory(dir, "old"), YESTERDAY);

        CheckResult result = fx.run(fx.cert(Listener.QRS).with("auth-cert-file", old.certFile())
                .with("auth-cert-key-file", old.keyFile()));

        assertFailed(Category.CREDENTIAL_EXPIRED, result);
        assertContains(result.message(), "client certificate CN=QlikClient expired on", "auth-cert-file: " + old.certFile());
        assertContains(result.hint(), "Export the certificates again");
        assertTrue(client(result).daysLeft() <= 0, result::toString);
        assertNothingSent(Listener.QRS);
    }

    @Test
    void rootCertificateNearItsEndWarnsAndExpiredFailsBeforeConnecting() throws Exception {
        Path soonRoot = fx.sim.writeRootCert(dir.resolve("root-soon/root.pem"), Instant.now().plus(Duration.ofDays(5)));
        Path oldRoot = fx.sim.writeRootCert(dir.resolve("root-old/root.pem"), YESTERDAY);

        CheckResult soon = fx.run(fx.cert(Listener.QRS).with("auth-root-cert-file", soonRoot));
        fx.sim.clearRequests();
        CheckResult expired = fx.run(fx.cert(Listener.QRS).with("auth-root-cert-file", oldRoot));

        assertEquals(Status.WARNING, soon.status(), soon::toString);
        assertContains(soon.message(), "root certificate CN=sense-sim-CA", "left)");
        assertFailed(Category.CREDENTIAL_EXPIRED, expired);
        assertContains(expired.message(), "root certificate", "auth-root-cert-file: " + oldRoot);
        assertNothingSent(Listener.QRS);
    }

    @Test
    void jwtExpiryIsReportedAndWarnsInsideTheThreshold() {
        CheckResult far = fx.run(fx.jwt(fx.sim.validJwt()));
        CheckResult soon = fx.run(fx.jwt(fx.sim.mintJwt("RS256", Instant.now().plus(Duration.ofDays(3)).plusSeconds(60))));

        assertOk(far);
        assertEquals(CredentialInfo.JWT, far.credentials().get(0).kind());
        assertTrue(far.credentials().get(0).daysLeft() >= 364, far::toString);
        assertEquals(Status.WARNING, soon.status(), soon::toString);
        assertContains(soon.message(), "The JWT expires on", "(3 days left)");
        assertContains(soon.hint(), "auth-jwt");
        assertEquals(3, soon.credentials().get(0).daysLeft());
    }

    /** Was auth-rejected from the virtual proxy's 401; now found before the token is sent. */
    @Test
    void expiredJwtFailsBeforeConnecting() {
        String token = fx.sim.expiredJwt();
        CheckResult result = fx.run(fx.jwt(token));

        assertFailed(Category.CREDENTIAL_EXPIRED, result);
        assertContains(result.message(), "The JWT expired on", "(auth-jwt)");
        assertContains(result.hint(), "new JWT");
        assertFalse(ResultJson.line(result).contains(token), "the token stays out of the result");
        assertNothingSent(Listener.JWT_PROXY);
    }

    /** Was auth-rejected from the tenant's 401; now found before the key is sent. */
    @Test
    void apiKeyExpiryWarnsAndAnExpiredKeyFailsBeforeConnecting() {
        String expiredKey = fx.sim.mintApiKey(YESTERDAY);
        CheckResult soon = fx.run(fx.cloud(fx.sim.mintApiKey(IN_TEN_DAYS)));
        CheckResult expired = fx.run(fx.cloud(expiredKey));

        assertEquals(Status.WARNING, soon.status(), soon::toString);
        assertContains(soon.message(), "The API key expires on", "(10 days left)");
        assertEquals(List.of(new CredentialInfo(CredentialInfo.APIKEY, soon.credentials().get(0).expiresAt(), 10)),
                soon.credentials());
        assertFailed(Category.CREDENTIAL_EXPIRED, expired);
        assertContains(expired.message(), "The API key expired on", "(apikey)");
        assertContains(expired.hint(), "API key");
        assertFalse(ResultJson.line(expired).contains(expiredKey), "the key stays out of the result");
        assertEquals(1, fx.sim.requests(Listener.CLOUD).size(), "only the key that had not expired was sent");
    }

    @Test
    void aJwtThatIsNotAJwtIsADefinitionProblem() {
        for (String token : List.of("not-a-jwt", "Bearer " + fx.sim.validJwt(), "eyJ.x.y")) {
            LoadResult loaded = fx.load(fx.jwt(token));

            assertFalse(loaded.ok(), token);
            String text = loaded.describeProblems(fx.appHome);
            assertContains(text, "key \"auth-jwt\": is not a JWT", "Give the token exactly as the identity provider issued it");
            assertEquals(Category.INVALID_DEFINITION, loaded.problems().get(0).category());
            assertFalse(text.contains(token), "the value stays out of the problem: " + text);
        }
    }

    @Test
    void serverCertificateNearItsEndWarnsAndIsReportedWhenTheCheckFails() throws Exception {
        try (SenseSimulator sim = SenseSimulator.startWithServerCertEnding(dir.resolve("sim-ending"),
                Instant.now().plus(Duration.ofDays(2)).plusSeconds(60))) {
            Path root = sim.files().rootCert();
            CheckFixture.Values values = fx.cert(Listener.QRS).with("port", sim.port(Listener.QRS))
                    .with("auth-cert-file", sim.files().clientCert()).with("auth-cert-key-file", sim.files().clientKey())
                    .with("auth-root-cert-file", root);

            CheckResult ok = fx.run(values);
            CheckResult mismatch = fx.run(values.with("host", "127.0.0.1"));

            assertEquals(Status.WARNING, ok.status(), ok::toString);
            assertContains(ok.message(), "server certificate CN=localhost", "(2 days left)");
            assertContains(ok.hint(), "server certificate");
            assertFailed(Category.TLS_HOSTNAME_MISMATCH, mismatch);
            assertEquals(2, mismatch.certificates().stream().filter(c -> c.role().equals(CertificateInfo.SERVER))
                    .findFirst().orElseThrow().daysLeft(), mismatch::toString);
        }
    }

    private static CertificateInfo client(CheckResult result) {
        return result.certificates().stream().filter(c -> c.role().equals(CertificateInfo.CLIENT)).findFirst()
                .orElseThrow(() -> new AssertionError("no client certificate: " + result));
    }

    private static void assertNothingSent(Listener listener) {
        assertEquals(List.of(), fx.sim.requests(listener), "no request may be sent with expired material");
    }
}
