package io.senseprobe.check;

import static io.senseprobe.check.CheckAssertions.assertContains;
import static io.senseprobe.check.CheckAssertions.assertFailed;
import static io.senseprobe.check.CheckAssertions.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.definition.Definition;
import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.definition.LoadResult;
import io.senseprobe.definition.Problem;
import io.senseprobe.result.Category;
import io.senseprobe.result.CertificateInfo;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.Status;
import io.senseprobe.simulator.Listener;
import io.senseprobe.simulator.SenseSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS outcomes (host names, trust, expiry, client certificates, secure: false) and certificate/key file problems. */
class CheckTlsAndCredentialsTest extends SimulatorCheckTest {

    // ---- server certificate ----------------------------------------------------------------------

    @Test
    void ipAddressAgainstLocalhostCertificateIsHostnameMismatch() {
        CheckResult result = fx.run(fx.cert(Listener.QRS).with("host", "127.0.0.1"));

        assertFailed(Category.TLS_HOSTNAME_MISMATCH, result);
        assertContains(result.message(), "127.0.0.1", "localhost", "sense-sim");
        assertTrue(result.hint().contains("localhost") && result.hint().contains("secure: false"), result.hint());
        CertificateInfo server = role(result, CertificateInfo.SERVER).orElseThrow(
                () -> new AssertionError("server certificate missing: " + result.certificates()));
        assertTrue(server.names().containsAll(List.of("localhost", "sense-sim")), server.toString());
        assertTrue(fx.sim.requests(Listener.QRS).isEmpty(), "no request after a failed host name check");
    }

    @Test
    void serverCertificateFromAnotherCaIsUntrusted() {
        CheckResult result = fx.run(fx.cert(Listener.OTHER_CA));

        assertFailed(Category.TLS_UNTRUSTED_SERVER, result);
        assertContains(result.message(), "localhost", String.valueOf(fx.port(Listener.OTHER_CA)), "not signed by a trusted root");
        assertContains(result.hint(), "root.pem", "secure: false");
        assertTrue(role(result, CertificateInfo.SERVER).isPresent(), result.certificates().toString());
        assertTrue(fx.sim.requests(Listener.OTHER_CA).isEmpty());
    }

    @Test
    void expiredServerCertificateIsReportedAsExpired() {
        CheckResult result = fx.run(fx.cert(Listener.EXPIRED_CERT));

        assertFailed(Category.TLS_EXPIRED_SERVER, result);
        assertContains(result.message(), "expired");
        CertificateInfo server = role(result, CertificateInfo.SERVER).orElseThrow(
                () -> new AssertionError("server certificate missing: " + result.certificates()));
        assertTrue(server.daysLeft() <= 0, server.toString());
    }

    @Test
    void certificateModeTrustsExactlyTheGivenRoot() {
        assertOk(fx.run(fx.cert(Listener.OTHER_CA).with("auth-root-cert-file", fx.files.otherCaRootCert())));

        assertFailed(Category.TLS_UNTRUSTED_SERVER,
                fx.run(fx.cert(Listener.QRS).with("auth-root-cert-file", fx.files.otherCaRootCert())));
    }

    @Test
    void jwtWithoutRootFileDoesNotTrustTheSiteCa() {
        CheckResult result = fx.run(fx.jwt(fx.sim.validJwt()).without("auth-root-cert-file"));

        assertFailed(Category.TLS_UNTRUSTED_SERVER, result);
        assertContains(result.hint(), "auth-root-cert-file");
        assertTrue(fx.sim.requests(Listener.JWT_PROXY).isEmpty(), "the token was not sent to an untrusted server");
    }

    @Test
    void apiKeyWithoutRootFileDoesNotTrustTheSiteCa() {
        CheckResult result = fx.run(fx.cloud(fx.sim.apiKey()).without("auth-root-cert-file"));

        assertFailed(Category.TLS_UNTRUSTED_SERVER, result);
        assertTrue(fx.sim.requests(Listener.CLOUD).isEmpty(), "the key was not sent to an untrusted server");
    }

    @Test
    void clientCertificateFromAnotherCaIsRejected() {
        CheckResult result = fx.run(fx.cert(Listener.QRS)
                .with("auth-cert-file", fx.files.otherCaClientCert())
                .with("auth-cert-key-file", fx.files.otherCaClientKey()));

        assertFailed(Category.TLS_CLIENT_REJECTED, result);
        assertContains(result.message(), "rejected the client certificate");
        assertTrue(fx.sim.requests(Listener.QRS).stream().noneMatch(r -> r.status() == 200),
                fx.sim.requests(Listener.QRS)::toString);
    }

    @Test
    void insecureAcceptsAnIpAddressAgainstLocalhostCertificate() {
        CheckResult result = fx.run(fx.cert(Listener.QRS).with("host", "127.0.0.1").with("secure", false));

        assertOk(result);
        assertEquals("127.0.0.1", result.host());
    }

    @Test
    void insecureAcceptsServerCertificateFromAnotherCa() {
        assertOk(fx.run(fx.cert(Listener.OTHER_CA).with("secure", false)));
        assertEquals(1, fx.sim.requests(Listener.OTHER_CA).size());
    }

    /** Was ok: the check still works, and now warns that the server certificate has expired (expiring). */
    @Test
    void insecureAcceptsExpiredServerCertificateWithAWarning() {
        CheckResult result = fx.run(fx.cert(Listener.EXPIRED_CERT).with("secure", false));

        assertEquals(Status.WARNING, result.status(), result::toString);
        assertEquals(Category.EXPIRING, result.category(), result::toString);
        assertTrue(result.message().startsWith("The server certificate CN=localhost expired on "), result.message());
        assertEquals(1, fx.sim.requests(Listener.EXPIRED_CERT).size());
    }

    @Test
    void secureStillFailsAfterInsecureRunsAgainstTheSameServer() {
        assertOk(fx.run(fx.cert(Listener.OTHER_CA).with("secure", false)));

        assertFailed(Category.TLS_UNTRUSTED_SERVER, fx.run(fx.cert(Listener.OTHER_CA)));
    }

    @Test
    void concurrentChecksOfOneServerEachGetTheirOwnOutcome() {
        List<Definition> definitions = List.of(
                fx.definition(fx.cert(Listener.QRS).with("name", "good-1")),
                fx.definition(fx.cert(Listener.QRS).with("name", "stranger")
                        .with("auth-cert-file", fx.files.otherCaClientCert())
                        .with("auth-cert-key-file", fx.files.otherCaClientKey())),
                fx.definition(fx.cert(Listener.QRS).with("name", "by-ip").with("host", "127.0.0.1")),
                fx.definition(fx.cert(Listener.QRS).with("name", "by-ip-insecure").with("host", "127.0.0.1")
                        .with("secure", false)),
                fx.definition(fx.cert(Listener.QRS).with("name", "good-2")));

        List<CheckResult> results = fx.runner().runAll(definitions);

        assertEquals(List.of("good-1", "stranger", "by-ip", "by-ip-insecure", "good-2"),
                results.stream().map(CheckResult::connection).toList());
        assertEquals(List.of(Category.OK, Category.TLS_CLIENT_REJECTED, Category.TLS_HOSTNAME_MISMATCH, Category.OK,
                Category.OK), results.stream().map(CheckResult::category).toList(), results::toString);
    }

    // ---- rotated PEM files ------------------------------------------------------------------------

    @Test
    void rotatedClientCertificateFilesArePickedUpInTheSameProcess(@TempDir Path certs) throws Exception {
        Path cert = certs.resolve("client.pem");
        Path key = certs.resolve("client_key.pem");
        copy(fx.files.clientCert(), cert);
        copy(fx.files.clientKey(), key);
        Definition definition = fx.definition(fx.cert(Listener.QRS)
                .with("auth-cert-file", cert).with("auth-cert-key-file", key));

        assertOk(fx.runner().run(definition));

        copy(fx.files.otherCaClientCert(), cert);
        copy(fx.files.otherCaClientKey(), key);
        assertFailed(Category.TLS_CLIENT_REJECTED, fx.runner().run(definition));

        copy(fx.files.clientCert(), cert);
        copy(fx.files.clientKey(), key);
        assertOk(fx.runner().run(definition));
    }

    // ---- key passphrase ---------------------------------------------------------------------------

    @Test
    void wrongPassphraseIsFoundByTheLoader() {
        LoadResult loaded = fx.load(fx.cert(Listener.QRS)
                .with("auth-cert-key-file", fx.files.clientKeyPkcs8Encrypted())
                .with("auth-cert-key-passphrase", "not-the-passphrase"));

        Problem problem = single(loaded);
        assertEquals(Category.KEY_PASSPHRASE, problem.category());
        assertEquals("auth-cert-key-passphrase", problem.key());
        assertContains(problem.message(), "passphrase", fx.files.clientKeyPkcs8Encrypted().getFileName().toString());
        assertFalse(problem.describe().contains("not-the-passphrase"), "the passphrase is not shown");
    }

    @Test
    void missingPassphraseForEncryptedKeyIsFoundByTheLoader() {
        LoadResult loaded = fx.load(fx.cert(Listener.QRS).with("auth-cert-key-file", fx.files.clientKeyLegacyEncrypted()));

        assertEquals(Category.KEY_PASSPHRASE, single(loaded).category());
    }

    @Test
    void wrongPassphraseIsReportedByTheRunner() {
        Definition good = fx.definition(fx.cert(Listener.QRS)
                .with("auth-cert-key-file", fx.files.clientKeyLegacyEncrypted())
                .with("auth-cert-key-passphrase", SenseSimulator.KEY_PASSPHRASE));

        CheckResult result = fx.runner().run(withPassphrase(good, "not-the-passphrase"));

        assertFailed(Category.KEY_PASSPHRASE, result);
        assertContains(result.message(), "passphrase", "client_key_legacy_encrypted.pem");
        assertContains(result.hint(), "auth-cert-key-passphrase");
        assertFalse(result.toString().contains("not-the-passphrase"), "the passphrase is not shown");
        assertTrue(fx.sim.requests().isEmpty(), "nothing is sent without a usable key");
    }

    // ---- missing files ----------------------------------------------------------------------------

    @Test
    void missingCertificateFileGivenAsOptionIsFoundByTheLoader() {
        Path missing = dir.resolve("nowhere/client.pem");
        LoadResult loaded = fx.load(fx.cert(Listener.QRS).with("auth-cert-file", missing));

        Problem problem = single(loaded);
        assertEquals(Category.CERT_FILE, problem.category());
        assertEquals("auth-cert-file", problem.key());
        assertContains(problem.message(), missing.toString(), "does not exist");
    }

    @Test
    void missingDefaultCertificateFilesUnderTheAppHomeAreFoundByTheLoader(@TempDir Path emptyAppHome) {
        LoadResult loaded = new DefinitionLoader(emptyAppHome).fromValues(fx.cert(Listener.QRS)
                .without("auth-cert-file").without("auth-cert-key-file").without("auth-root-cert-file").map,
                "test", emptyAppHome);

        assertTrue(loaded.definitions().isEmpty());
        assertEquals(List.of("auth-cert-file", "auth-cert-key-file", "auth-root-cert-file"),
                loaded.problems().stream().map(Problem::key).toList(), loaded.describeProblems(emptyAppHome));
        assertTrue(loaded.problems().stream().allMatch(p -> p.category() == Category.CERT_FILE));
        Problem cert = loaded.problems().get(0);
        assertContains(cert.message(), emptyAppHome.resolve("config/client.pem").toString());
        assertContains(cert.fix(), "config/client.pem", "auth-cert-file");
    }

    @Test
    void certificateFileRemovedAfterLoadingIsReportedByTheRunner(@TempDir Path certs) throws Exception {
        Path cert = certs.resolve("client.pem");
        copy(fx.files.clientCert(), cert);
        Definition definition = fx.definition(fx.cert(Listener.QRS).with("auth-cert-file", cert));
        Files.delete(cert);

        CheckResult result = fx.runner().run(definition);

        assertFailed(Category.CERT_FILE, result);
        assertContains(result.message(), cert.toString(), "does not exist");
        assertTrue(fx.sim.requests().isEmpty());
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static Definition withPassphrase(Definition d, String passphrase) {
        return new Definition(d.name(), d.target(), d.host(), d.port(), d.virtualProxy(), d.authType(), d.userDir(),
                d.userId(), d.certFile(), d.keyFile(), d.rootCertFile(), io.senseprobe.definition.Secret.of(passphrase), d.jwt(), d.apikey(), d.secure(),
                d.timeout(), d.overrides(), d.source());
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Optional<CertificateInfo> role(CheckResult result, String role) {
        return result.certificates().stream().filter(c -> c.role().equals(role)).findFirst();
    }

    private static Problem single(LoadResult loaded) {
        assertTrue(loaded.definitions().isEmpty(), "a definition with a problem is left out");
        assertEquals(1, loaded.problems().size(), loaded::toString);
        return loaded.problems().get(0);
    }
}
