package io.senseprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.simulator.Listener;
import io.senseprobe.simulator.SenseSimulator;
import io.senseprobe.simulator.SimulatorFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets in the first minute: connection-test and check against the simulator, in this JVM. */
class FirstMinuteTest {
    @TempDir
    static Path dir;
    static SenseSimulator sim;
    static SimulatorFiles files;

    @BeforeAll
    static void start() throws Exception {
        sim = SenseSimulator.start(dir.resolve("sim"));
        files = sim.files();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static List<String> cert(int port, String... more) {
        List<String> args = new ArrayList<>(List.of("qseow", "connection-test", "--host", "localhost", "--port", String.valueOf(port),
                "--auth-user-dir", "INTERNAL", "--auth-user-id", "sa_api",
                "--auth-cert-file", files.clientCert().toString(), "--auth-cert-key-file", files.clientKey().toString(),
                "--auth-root-cert-file", files.rootCert().toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aMistypedOptionGetsTheOptionItWasMeantToBe() {
        CliRun run = CliRun.of("qseow", "connection-test", "--host", "localhost", "--auth-cert-keyfile", "k.pem");
        assertEquals(ExitCodes.BEFORE_CONNECTION, run.exitCode());
        assertTrue(run.err().contains("Did you mean --auth-cert-key-file instead of --auth-cert-keyfile?"), run.err());
        CliRun withValue = CliRun.of("qscloud", "connection-test", "--tenanthost=t.example");
        assertTrue(withValue.err().contains("Did you mean --tenant-host"), withValue.err());
    }

    @Test
    void problemsOfTheCommandLineSpeakOfOptions() {
        CliRun run = CliRun.of("qseow", "connection-test", "--host", "localhost", "--auth-user-dir", "INTERNAL",
                "--auth-cert-file", files.clientCert().toString(), "--auth-cert-key-file", files.clientKey().toString(),
                "--auth-root-cert-file", files.rootCert().toString());
        assertEquals(ExitCodes.BEFORE_CONNECTION, run.exitCode());
        assertTrue(run.out().contains("--auth-user-id is missing; it is required for --auth-type cert. Add --auth-user-id ID."), run.out());
        assertFalse(run.out().contains("command line:"), run.out());
        assertFalse(run.out().contains("key \""), run.out());
    }

    @Test
    void aConnectionWithoutHostIsNamedAfterTheMissingOption() {
        CliRun run = CliRun.of("qseow", "connection-test", "--json");
        assertTrue(run.out().startsWith("{\"connection\":\"no-host\""), run.out());
        // the record speaks command-line too
        assertTrue(run.out().contains("\"message\":\"--host is missing; it is required for qseow connections."), run.out());
        assertFalse(run.out().contains("command line:"), run.out());
        assertTrue(run.err().contains("--host is missing"), run.err());
        assertFalse(run.all().contains("connection-test\""), run.all());
    }

    @Test
    void hintsSayTheOptionToGive() {
        CliRun run = run(cert(sim.port(Listener.OTHER_CA)));
        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertTrue(run.out().contains("give it as --auth-root-cert-file, or set --secure false"), run.out());
        assertFalse(run.out().contains("secure: false"), run.out());
    }

    @Test
    void anOptionGivenTwiceTakesItsLastValue() {
        List<String> args = new ArrayList<>(List.of("qseow", "connection-test", "--host", "nowhere.invalid", "--port", "1"));
        args.addAll(cert(sim.port(Listener.QRS)).subList(2, cert(0).size()));
        CliRun run = run(args);
        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        assertTrue(run.out().contains("Successfully connected to Qlik Sense server localhost on port " + sim.port(Listener.QRS)), run.out());
    }

    @Test
    void cloudLinesAreAlignedAndTheTenantIsNamedAsTyped() {
        String tenant = "localhost:" + sim.port(Listener.CLOUD);
        CliRun run = CliRun.of("qscloud", "connection-test", "--tenant-host", tenant, "--apikey", sim.apiKey(),
                "--auth-root-cert-file", files.rootCert().toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        assertTrue(run.out().contains("Testing connection to Qlik Sense Cloud tenant \"" + tenant + "\""), run.out());
        assertTrue(run.out().contains("Successfully connected to Qlik Sense Cloud tenant \"" + tenant + "\""), run.out());
        assertTrue(run.out().contains("\nTenant ID  : " + sim.tenantId() + "\n"), run.out());
        assertTrue(run.out().contains("\nUser ID    : " + sim.cloudUserId() + "\n"), run.out());
        assertTrue(Pattern.compile("\nUser name  : .+\nUser email : .+\nUser status: active\n").matcher(run.out()).find(), run.out());
    }

    /** Camel's shutdown strategy (or any logger) must not break into the result of a check that timed out. */
    @Test
    void aCheckThatTimesOutPrintsOnlyItsResult() {
        CliRun run = run(cert(sim.port(Listener.SLOW), "--timeout", "1s"));
        assertEquals(ExitCodes.FAILED, run.exitCode());
        assertTrue(run.out().contains("Connection failed: timeout"), run.out());
        assertEquals("", run.err());
        assertFalse(run.out().contains("WARN"), run.out());
        assertFalse(run.out().contains("DefaultShutdownStrategy"), run.out());
    }

    @Test
    void checkingTheSimulatorsExamplesPrintsOnlyResultLines() throws Exception {
        sim.writeExampleDefinitions();
        CliRun run = CliRun.of("check", files.dir().resolve("connections").toString());
        assertEquals(ExitCodes.FAILED, run.exitCode(), run.all());
        assertEquals("", run.err());
        run.out().lines().forEach(line -> assertTrue(line.startsWith("OK ") || line.startsWith("FAILED "), line));
        assertTrue(run.out().contains("FAILED sim-slow timeout"), run.out());
        assertTrue(run.out().contains("FAILED sim-trickle timeout"), run.out());
    }
}
