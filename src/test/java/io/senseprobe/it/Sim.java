package io.senseprobe.it;

import io.senseprobe.simulator.Listener;
import io.senseprobe.simulator.SenseSimulator;
import io.senseprobe.simulator.SimulatorFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An in-process simulator for the launcher to talk to, and the command-line arguments that point at it. */
final class Sim implements AutoCloseable {
    final SenseSimulator sim;
    final SimulatorFiles files;

    private Sim(SenseSimulator sim) {
        this.sim = sim;
        this.files = sim.files();
    }

    static Sim start(Path dir) {
        try {
            return new Sim(SenseSimulator.start(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port(Listener listener) {
        return sim.port(listener);
    }

    /** {@code qseow connection-test} with the QMC certificate files against QRS on {@code host}. */
    List<String> certTest(String host, String... more) {
        return withMore(List.of("qseow", "connection-test", "--host", host, "--port", String.valueOf(port(Listener.QRS)),
                "--auth-user-dir", "INTERNAL", "--auth-user-id", "sa_api",
                "--auth-cert-file", files.clientCert().toString(),
                "--auth-cert-key-file", files.clientKey().toString(),
                "--auth-root-cert-file", files.rootCert().toString()), more);
    }

    /** As {@link #certTest}, with the legacy encrypted key and the given passphrase. */
    List<String> encryptedCertTest(String passphrase, String... more) {
        return withMore(List.of("qseow", "connection-test", "--host", "localhost", "--port", String.valueOf(port(Listener.QRS)),
                "--auth-user-dir", "INTERNAL", "--auth-user-id", "sa_api",
                "--auth-cert-file", files.clientCert().toString(),
                "--auth-cert-key-file", files.clientKeyLegacyEncrypted().toString(),
                "--auth-cert-key-passphrase", passphrase,
                "--auth-root-cert-file", files.rootCert().toString()), more);
    }

    /** {@code qseow connection-test -a jwt} through the JWT virtual proxy, token from a flag, the environment or nowhere. */
    List<String> jwtTest(String... more) {
        return withMore(List.of("qseow", "connection-test", "--host", "localhost", "--port", String.valueOf(port(Listener.JWT_PROXY)),
                "--virtual-proxy", SenseSimulator.JWT_PREFIX, "-a", "jwt",
                "--auth-root-cert-file", files.rootCert().toString()), more);
    }

    /** {@code qscloud connection-test} against the simulated tenant; the API key comes with {@code more}. */
    List<String> cloudTest(String... more) {
        return withMore(List.of("qscloud", "connection-test", "--tenant-host", cloudHost(),
                "--auth-root-cert-file", files.rootCert().toString()), more);
    }

    String cloudHost() {
        return "localhost:" + port(Listener.CLOUD);
    }

    /** A QRS definition with the plain key, as YAML. */
    String certYaml(String name) {
        return "name: " + name + "\ntarget: qseow\nhost: localhost\nport: " + port(Listener.QRS)
                + "\nauth-type: cert\nauth-user-dir: INTERNAL\nauth-user-id: sa_api"
                + "\nauth-cert-file: " + files.clientCert() + "\nauth-cert-key-file: " + files.clientKey()
                + "\nauth-root-cert-file: " + files.rootCert() + "\n";
    }

    String encryptedCertYaml(String name, String passphrase) {
        return "name: " + name + "\ntarget: qseow\nhost: localhost\nport: " + port(Listener.QRS)
                + "\nauth-type: cert\nauth-user-dir: INTERNAL\nauth-user-id: sa_api"
                + "\nauth-cert-file: " + files.clientCert() + "\nauth-cert-key-file: " + files.clientKeyLegacyEncrypted()
                + "\nauth-cert-key-passphrase: \"" + passphrase + "\""
                + "\nauth-root-cert-file: " + files.rootCert() + "\n";
    }

    String jwtYaml(String name, String jwt) {
        return "name: " + name + "\ntarget: qseow\nhost: localhost\nport: " + port(Listener.JWT_PROXY)
                + "\nvirtual-proxy: " + SenseSimulator.JWT_PREFIX + "\nauth-type: jwt\nauth-jwt: " + jwt
                + "\nauth-root-cert-file: " + files.rootCert() + "\n";
    }

    String cloudYaml(String name, String apiKey) {
        return "name: " + name + "\ntarget: qscloud\ntenant-host: " + cloudHost() + "\nauth-type: apikey\napikey: " + apiKey
                + "\nauth-root-cert-file: " + files.rootCert() + "\n";
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> withMore(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    @Override
    public void close() {
        sim.close();
    }
}
