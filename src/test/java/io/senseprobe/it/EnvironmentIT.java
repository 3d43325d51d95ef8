package io.senseprobe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.simulator.Listener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Options from the environment: the flag wins over SENSE_PROBE_*, which wins over Ctrl-Q's CTRLQ_*. Each test pairs a
 * valid token with an expired one, so the exit code shows which source was used.
 */
class EnvironmentIT extends SimulatorIT {
    static String valid;
    static String expired;

    @BeforeAll
    static void mintJwts() {
        valid = sim.sim.validJwt();
        expired = sim.sim.expiredJwt();
    }

    @Test
    void jwtFromSenseProbeVariable() {
        Launcher.Run run = Launcher.args(sim.jwtTest()).env("SENSE_PROBE_AUTH_JWT", valid).run();

        assertEquals(0, run.exitCode(), run::describe);
    }

    @Test
    void jwtFromCtrlQVariable() {
        Launcher.Run run = Launcher.args(sim.jwtTest()).env("CTRLQ_AUTH_JWT", valid).run();

        assertEquals(0, run.exitCode(), run::describe);
    }

    @Test
    void flagWinsOverSenseProbeVariable() {
        assertEquals(0, Launcher.args(sim.jwtTest("--auth-jwt", valid)).env("SENSE_PROBE_AUTH_JWT", expired).run().exitCode());
        Launcher.Run expiredFlag = Launcher.args(sim.jwtTest("--auth-jwt", expired)).env("SENSE_PROBE_AUTH_JWT", valid).run();
        assertEquals(1, expiredFlag.exitCode(), expiredFlag::describe);
    }

    @Test
    void flagWinsOverCtrlQVariable() {
        Launcher.Run expiredFlag = Launcher.args(sim.jwtTest("--auth-jwt", expired)).env("CTRLQ_AUTH_JWT", valid).run();

        assertEquals(1, expiredFlag.exitCode(), expiredFlag::describe);
    }

    @Test
    void senseProbeVariableWinsOverCtrlQVariable() {
        Launcher.Run validWins = Launcher.args(sim.jwtTest())
                .env("SENSE_PROBE_AUTH_JWT", valid).env("CTRLQ_AUTH_JWT", expired).run();
        Launcher.Run expiredWins = Launcher.args(sim.jwtTest())
                .env("SENSE_PROBE_AUTH_JWT", expired).env("CTRLQ_AUTH_JWT", valid).run();

        assertEquals(0, validWins.exitCode(), validWins::describe);
        assertEquals(1, expiredWins.exitCode(), expiredWins::describe);
        assertTrue(expiredWins.out().contains("Connection failed: "), expiredWins::describe);
    }

    @Test
    void qscloudFromCtrlQVariablesAlone() {
        Launcher.Run run = Launcher.args("qscloud", "connection-test", "--auth-root-cert-file", sim.files.rootCert().toString())
                .env("CTRLQ_TENANT_HOST", sim.cloudHost()).env("CTRLQ_API_KEY", sim.sim.apiKey()).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.out().contains("Göran Sander"), run::describe);
    }

    @Test
    void qscloudApiKeyFromSenseProbeVariableWinsOverCtrlQ() {
        String expiredKey = sim.sim.mintApiKey(java.time.Instant.now().minusSeconds(3600));
        Launcher.Run run = Launcher.args("qscloud", "connection-test", "--auth-root-cert-file", sim.files.rootCert().toString())
                .env("CTRLQ_TENANT_HOST", sim.cloudHost())
                .env("SENSE_PROBE_APIKEY", sim.sim.apiKey()).env("CTRLQ_API_KEY", expiredKey).run();

        assertEquals(0, run.exitCode(), run::describe);
    }

    @Test
    void qseowHostAndPortFromCtrlQVariables() {
        Launcher.Run run = Launcher.args("qseow", "connection-test",
                        "--auth-user-dir", "INTERNAL", "--auth-user-id", "sa_api",
                        "--auth-cert-file", sim.files.clientCert().toString(),
                        "--auth-cert-key-file", sim.files.clientKey().toString(),
                        "--auth-root-cert-file", sim.files.rootCert().toString())
                .env("CTRLQ_HOST", "localhost").env("CTRLQ_PORT", String.valueOf(sim.port(Listener.QRS))).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.out().contains("on port " + sim.port(Listener.QRS)), run::describe);
    }
}
