package io.senseprobe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodesIT extends SimulatorIT {
    @Test
    void connectionTestThatWorksExitsZeroAndPrintsCtrlQLines() {
        Launcher.Run run = Launcher.args(sim.certTest("localhost")).run();

        int port = sim.port(io.senseprobe.simulator.Listener.QRS);
        assertEquals(0, run.exitCode(), run::describe);
        String out = run.out();
        assertTrue(out.contains("Testing connection to Qlik Sense server localhost on port " + port), run::describe);
        assertTrue(out.contains("Successfully connected to Qlik Sense server localhost on port " + port), run::describe);
        assertTrue(out.contains("Qlik Sense repository build version: "), run::describe);
        assertTrue(out.contains("Qlik Sense repository build date: "), run::describe);
    }

    @Test
    void failedCheckExitsOneWithCategoryMessageAndHintButNoStackTrace() {
        Launcher.Run run = Launcher.args(sim.certTest("127.0.0.1")).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertTrue(run.out().contains("Connection failed: tls-hostname-mismatch"), run::describe);
        assertTrue(run.out().contains("is not valid for \"127.0.0.1\""), run::describe);
        assertTrue(run.out().contains("Hint: "), run::describe);
        assertNoStackTrace(run);
    }

    @Test
    void missingCertificateFilesExitTwo() {
        List<String> args = new ArrayList<>(sim.certTest("localhost"));
        args.set(args.indexOf(sim.files.clientCert().toString()), dir.resolve("no-such-client.pem").toString());

        Launcher.Run run = Launcher.args(args).run();

        assertEquals(2, run.exitCode(), run::describe);
        assertTrue(run.out().contains("no-such-client.pem"), run::describe);
        assertNoStackTrace(run);
    }

    @Test
    void unknownOptionExitsTwo() {
        Launcher.Run run = Launcher.args(sim.certTest("localhost", "--no-such-option")).run();

        assertEquals(2, run.exitCode(), run::describe);
        assertTrue(run.err().contains("--no-such-option"), run::describe);
        assertNoStackTrace(run);
    }

    @Test
    void badLogLevelExitsTwo() {
        Launcher.Run run = Launcher.args(sim.certTest("localhost", "--log-level", "chatty")).run();

        assertEquals(2, run.exitCode(), run::describe);
        assertTrue(run.err().contains("--log-level"), run::describe);
        assertNoStackTrace(run);
    }

    @Test
    void badLogLevelOfCheckExitsTwo() {
        Path file = Sim.write(dir.resolve("loglevel/sim-qrs.yaml"), sim.certYaml("sim-qrs"));

        Launcher.Run run = Launcher.args("check", file.toString(), "--log-level", "chatty").run();

        assertEquals(2, run.exitCode(), run::describe);
    }

    @Test
    void checkOfFolderWithAnInvalidFileExitsTwoAndContactsNothing() {
        Path folder = dir.resolve("one-invalid");
        Sim.write(folder.resolve("good.yaml"), sim.certYaml("good"));
        Sim.write(folder.resolve("typo.yaml"), sim.certYaml("typo").replace("auth-user-id:", "auth-user-idd:"));
        sim.sim.clearRequests();

        Launcher.Run run = Launcher.args("check", folder.toString()).run();

        assertEquals(2, run.exitCode(), run::describe);
        assertTrue(run.out().contains("nothing was checked"), run::describe);
        assertTrue(run.out().contains("auth-user-idd"), run::describe);
        assertEquals(List.of(), sim.sim.requests(), "the simulator was contacted");
    }

    @Test
    void checkOfFolderWithGoodFilesExitsZero() {
        Path folder = dir.resolve("all-good");
        Sim.write(folder.resolve("a.yaml"), sim.certYaml("a"));
        Sim.write(folder.resolve("b.yaml"), sim.cloudYaml("b", sim.sim.apiKey()));

        Launcher.Run run = Launcher.args("check", folder.toString()).run();

        assertEquals(0, run.exitCode(), run::describe);
    }

    @Test
    void checkWithOneFailingConnectionExitsOne() {
        Path folder = dir.resolve("one-fails");
        Sim.write(folder.resolve("good.yaml"), sim.certYaml("good"));
        Sim.write(folder.resolve("expired.yaml"), sim.jwtYaml("expired", sim.sim.expiredJwt()));

        Launcher.Run run = Launcher.args("check", folder.toString()).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertNoStackTrace(run);
    }

    @Test
    void invalidConnectionTestOptionsNameEachFixOnce() {
        List<String> args = new ArrayList<>(sim.certTest("localhost"));
        int dir = args.indexOf("--auth-user-dir");
        args.subList(dir, dir + 2).clear();

        Launcher.Run run = Launcher.args(args).run();

        assertEquals(2, run.exitCode(), run::describe);
        // told as options since issue 8 (a file's problem says Add "auth-user-dir: ...")
        assertEquals(1, occurrences(run.out(), "Add --auth-user-dir DIR."), run::describe);
    }

    @Test
    void invalidDefinitionFileNamesEachFixOnce() {
        Path file = Sim.write(dir.resolve("fix-once/no-user.yaml"), sim.certYaml("no-user").replace("auth-user-dir: INTERNAL\n", ""));

        Launcher.Run run = Launcher.args("check", file.toString()).run();

        assertEquals(2, run.exitCode(), run::describe);
        assertEquals(1, occurrences(run.out(), "Add \"auth-user-dir: ...\""), run::describe);
    }

    @Test
    void usageErrorUnderJsonLeavesStdoutEmpty() {
        Launcher.Run unknown = Launcher.args(sim.certTest("localhost", "--json", "--no-such-option")).run();
        Launcher.Run level = Launcher.args(sim.certTest("localhost", "--json", "--log-level", "chatty")).run();

        assertEquals(2, unknown.exitCode(), unknown::describe);
        assertEquals("", unknown.out(), unknown::describe);
        assertEquals(2, level.exitCode(), level::describe);
        assertEquals("", level.out(), level::describe);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    static void assertNoStackTrace(Launcher.Run run) {
        for (String line : (run.out() + "\n" + run.err()).split("\n")) {
            assertFalse(line.startsWith("\tat ") || line.contains("Exception"), () -> "stack trace line \"" + line + "\" in\n" + run.describe());
        }
    }
}
