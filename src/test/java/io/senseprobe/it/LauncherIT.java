package io.senseprobe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.simulator.Listener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher script: any current directory, the app home from SENSE_PROBE_HOME. */
class LauncherIT extends SimulatorIT {
    @Test
    void testsRunWithTheRepositoryRootAsWorkingDirectory() {
        assertTrue(Files.isExecutable(Launcher.SCRIPT), Launcher.SCRIPT + " is missing");
        assertTrue(Files.isRegularFile(Path.of("pom.xml")), "working directory is not the repository root");
    }

    @Test
    void runsFromAnotherCurrentDirectory(@TempDir Path elsewhere) {
        Launcher.Run run = Launcher.args(sim.certTest("localhost")).cwd(elsewhere).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.out().contains("Successfully connected"), run::describe);
    }

    @Test
    void relativeFileOptionsAreRelativeToTheCurrentDirectory() {
        Launcher.Run run = Launcher.args("qseow", "connection-test", "--host", "localhost",
                        "--port", String.valueOf(sim.port(Listener.QRS)),
                        "--auth-user-dir", "INTERNAL", "--auth-user-id", "sa_api",
                        "--auth-cert-file", "client.pem", "--auth-cert-key-file", "client_key.pem",
                        "--auth-root-cert-file", "root.pem")
                .cwd(sim.files.dir()).run();

        assertEquals(0, run.exitCode(), run::describe);
    }

    @Test
    void checkOfARelativePathFromAnotherCurrentDirectory(@TempDir Path elsewhere) {
        Sim.write(elsewhere.resolve("connections/qrs.yaml"), sim.certYaml("qrs"));

        Launcher.Run run = Launcher.args("check", "connections").cwd(elsewhere).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.out().contains("qrs"), run::describe);
    }

    @Test
    void certificatesDefaultToConfigInSenseProbeHome(@TempDir Path home, @TempDir Path elsewhere) throws IOException {
        Path config = Files.createDirectories(home.resolve("config"));
        Files.copy(sim.files.clientCert(), config.resolve("client.pem"));
        Files.copy(sim.files.clientKey(), config.resolve("client_key.pem"));
        Files.copy(sim.files.rootCert(), config.resolve("root.pem"));

        Launcher.Run run = Launcher.args("qseow", "connection-test", "--host", "localhost",
                        "--port", String.valueOf(sim.port(Listener.QRS)), "--auth-user-dir", "INTERNAL", "--auth-user-id", "sa_api")
                .env("SENSE_PROBE_HOME", home.toString()).cwd(elsewhere).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.out().contains("Successfully connected"), run::describe);
    }

    @Test
    void withoutCertificatesInSenseProbeHomeTheDefaultsAreMissing(@TempDir Path home) {
        Launcher.Run run = Launcher.args("qseow", "connection-test", "--host", "localhost",
                        "--port", String.valueOf(sim.port(Listener.QRS)), "--auth-user-dir", "INTERNAL", "--auth-user-id", "sa_api")
                .env("SENSE_PROBE_HOME", home.toString()).run();

        assertEquals(2, run.exitCode(), run::describe);
        assertTrue(run.out().contains(home.resolve("config").toString()), run::describe);
    }
}
