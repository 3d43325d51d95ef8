package io.senseprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EnvDefaultsTest {

    private static QseowConnectionTest parse(Map<String, String> env, String... args) {
        QseowConnectionTest command = new QseowConnectionTest();
        CommandLine cli = new CommandLine(command);
        cli.setDefaultValueProvider(new EnvDefaults(env::get));
        cli.parseArgs(args);
        return command;
    }

    @Test
    void theFlagWinsOverBothVariables() {
        QseowConnectionTest c = parse(Map.of("SENSE_PROBE_AUTH_JWT", "from-sense", "CTRLQ_AUTH_JWT", "from-ctrlq"),
                "--auth-jwt", "from-flag");
        assertEquals("from-flag", c.value("auth-jwt"));
    }

    @Test
    void senseProbeVariablesWinOverCtrlQ() {
        QseowConnectionTest c = parse(Map.of("SENSE_PROBE_AUTH_JWT", "from-sense", "CTRLQ_AUTH_JWT", "from-ctrlq"));
        assertEquals("from-sense", c.value("auth-jwt"));
    }

    @Test
    void ctrlQVariablesAreReadWithTheirOwnNames() {
        QseowConnectionTest c = parse(Map.of("CTRLQ_HOST", "sense1", "CTRLQ_CERT_KEY_FILE", "k.pem",
                "CTRLQ_USER_DIR", "INTERNAL", "CTRLQ_LOG_LEVEL", "debug"));
        assertEquals("sense1", c.value("host"));
        assertEquals("k.pem", c.value("auth-cert-key-file"));
        assertEquals("INTERNAL", c.value("auth-user-dir"));
        assertEquals("debug", c.output.logLevel);
    }

    @Test
    void optionsWithoutAnyValueStayUnset() {
        QseowConnectionTest c = parse(Map.of());
        assertNull(c.value("host"));
        assertNull(c.value("port"));
    }

    @Test
    void variableNamesFollowTheOptionNames() {
        assertEquals("SENSE_PROBE_AUTH_CERT_KEY_PASSPHRASE", EnvDefaults.senseProbeVariable("auth-cert-key-passphrase"));
        assertEquals("SENSE_PROBE_APIKEY", EnvDefaults.senseProbeVariable("apikey"));
    }
}
