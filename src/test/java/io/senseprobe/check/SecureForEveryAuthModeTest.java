package io.senseprobe.check;

import static io.senseprobe.check.CheckAssertions.assertContains;
import static io.senseprobe.check.CheckAssertions.assertFailed;
import static io.senseprobe.check.CheckAssertions.assertOk;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.check.CheckFixture.Values;
import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import io.senseprobe.simulator.Listener;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * secure: true checks the server's chain, its expiry and its host name for JWT and API key auth as it does for
 * certificates (CheckTlsAndCredentialsTest): each failure is found in the handshake, before the token or key is sent.
 * The engine WebSocket (its own JDK client) checks the host name as the HTTP checks do.
 */
class SecureForEveryAuthModeTest extends SimulatorCheckTest {

    enum Mode {
        JWT(Listener.JWT_PROXY) {
            @Override
            Values at(String host, int port) {
                return fx.jwt(fx.sim.validJwt()).with("host", host).with("port", port);
            }
        },
        APIKEY(Listener.CLOUD) {
            @Override
            Values at(String host, int port) {
                return fx.cloud(fx.sim.apiKey()).with("tenant-host", host + ":" + port);
            }
        };

        final Listener home;

        Mode(Listener home) {
            this.home = home;
        }

        /** This mode's definition for the server at host:port, trusting the simulator's site root. */
        abstract Values at(String host, int port);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anIpAddressAgainstALocalhostCertificateIsAHostNameMismatch(Mode mode) {
        CheckResult result = fx.run(mode.at("127.0.0.1", fx.port(mode.home)));

        assertFailed(Category.TLS_HOSTNAME_MISMATCH, result);
        assertContains(result.message(), "127.0.0.1", "localhost");
        assertTrue(fx.sim.requests(mode.home).isEmpty(), "the credential was not sent: " + fx.sim.requests(mode.home));
    }

    /** The control: the same address is fine without the check, so the failure above is the host name check. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void theSameAddressPassesWithSecureFalse(Mode mode) {
        assertOk(fx.run(mode.at("127.0.0.1", fx.port(mode.home)).with("secure", false)));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aServerCertificateFromAnotherCaIsUntrusted(Mode mode) {
        CheckResult result = fx.run(mode.at("localhost", fx.port(Listener.OTHER_CA)));

        assertFailed(Category.TLS_UNTRUSTED_SERVER, result);
        assertContains(result.message(), "localhost", String.valueOf(fx.port(Listener.OTHER_CA)), "not signed by a trusted root");
        assertTrue(fx.sim.requests(Listener.OTHER_CA).isEmpty(), "the credential was not sent");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anExpiredServerCertificateIsReportedAsExpired(Mode mode) {
        CheckResult result = fx.run(mode.at("localhost", fx.port(Listener.EXPIRED_CERT)));

        assertFailed(Category.TLS_EXPIRED_SERVER, result);
        assertContains(result.message(), "expired");
        assertTrue(fx.sim.requests(Listener.EXPIRED_CERT).isEmpty(), "the credential was not sent");
    }

    // ---- the engine WebSocket (cert auth, its own JDK client) ---------------------------------------

    @Test
    void theEngineWebSocketChecksTheHostNameToo() {
        CheckResult result = engineVersion(fx.cert(Listener.QRS).with("host", "127.0.0.1"));

        assertFailed(Category.TLS_HOSTNAME_MISMATCH, result);
        assertTrue(fx.sim.requests(Listener.ENGINE).isEmpty(), fx.sim.requests(Listener.ENGINE)::toString);
    }

    @Test
    void theEngineWebSocketPassesTheSameAddressWithSecureFalse() {
        assertOk(engineVersion(fx.cert(Listener.QRS).with("host", "127.0.0.1").with("secure", false)));
    }

    private static CheckResult engineVersion(Values values) {
        List<CheckResult> results = fx.runner().runChecks(fx.definition(values
                .with("engine-port", fx.port(Listener.ENGINE)).with("checks", List.of("engine-version"))));
        return results.get(0);
    }
}
