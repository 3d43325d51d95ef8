package io.senseprobe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.simulator.Listener;
import io.senseprobe.simulator.SenseSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * No secret (key passphrase, JWT, API key, or a token's signature alone) reaches stdout, stderr or a results file,
 * for every auth mode at every log level, when the connection works and when it fails. At silly the HTTP client's
 * wire log must be there (masked), so the test cannot pass by logging nothing.
 *
 * <p>Every (mode, level, variant) is one launcher run; they run two at a time. Failing variants run at info and silly.
 */
class SecretsIT extends SimulatorIT {
    private static final List<String> LEVELS = List.of("error", "warn", "info", "verbose", "debug", "silly");
    private static final List<String> FAILING_LEVELS = List.of("info", "silly");
    private static final String WRONG_PASSPHRASE = "wrong-Passphrase-4711";
    /** The environment variable the JWT reference reads (the launcher run gets it). */
    private static final String JWT_VARIABLE = "SENSE_IT_SECRET_JWT";

    enum Mode { CERT, JWT, APIKEY }

    enum Variant {
        OK_TEST(true, false), FAILING_TEST(false, false), OK_CHECK(true, true), FAILING_CHECK(false, true),
        /** check of a definition whose secret is a ${env:...} or ${file:...} reference. */
        REFERENCE_CHECK(true, true);

        final boolean ok;
        final boolean check;

        Variant(boolean ok, boolean check) {
            this.ok = ok;
            this.check = check;
        }
    }

    static Path home;
    static Path definitions;
    static String refusedJwt;
    static String refusedApiKey;
    static List<String> secrets;

    @BeforeAll
    static void writeDefinitionsAndCollectSecrets() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        definitions = dir.resolve("definitions");
        // refused by the server, so they are sent (an expired token is found before connecting: credential-expired)
        refusedJwt = sim.sim.badSignatureJwt();
        refusedApiKey = sim.sim.badSignatureJwt();
        secrets = new ArrayList<>(List.of(SenseSimulator.KEY_PASSPHRASE, WRONG_PASSPHRASE));
        for (String token : List.of(sim.sim.validJwt(), refusedJwt, sim.sim.apiKey(), refusedApiKey)) {
            secrets.add(token);
            secrets.add(token.substring(token.lastIndexOf('.') + 1));
        }
        Sim.write(definitions.resolve("cert-ok.yaml"), sim.encryptedCertYaml("cert-ok", SenseSimulator.KEY_PASSPHRASE));
        Sim.write(definitions.resolve("cert-failing.yaml"), sim.encryptedCertYaml("cert-failing", WRONG_PASSPHRASE));
        Sim.write(definitions.resolve("jwt-ok.yaml"), sim.jwtYaml("jwt-ok", sim.sim.validJwt()));
        Sim.write(definitions.resolve("jwt-failing.yaml"), sim.jwtYaml("jwt-failing", refusedJwt));
        Sim.write(definitions.resolve("apikey-ok.yaml"), sim.cloudYaml("apikey-ok", sim.sim.apiKey()));
        Sim.write(definitions.resolve("apikey-failing.yaml"), sim.cloudYaml("apikey-failing", refusedApiKey));
        // the secrets outside the definitions: files beside them (not under work or home), and the environment
        Path passphrase = Sim.write(definitions.resolve("secrets/passphrase.txt"), SenseSimulator.KEY_PASSPHRASE + "\n");
        Path apiKey = Sim.write(definitions.resolve("secrets/apikey.txt"), sim.sim.apiKey() + "\n");
        Sim.write(definitions.resolve("cert-reference.yaml"), sim.encryptedCertYaml("cert-reference", "${file:" + passphrase + "}"));
        Sim.write(definitions.resolve("jwt-reference.yaml"), sim.jwtYaml("jwt-reference", "${env:" + JWT_VARIABLE + "}"));
        Sim.write(definitions.resolve("apikey-reference.yaml"), sim.cloudYaml("apikey-reference", "${file:" + apiKey + "}"));
    }

    @TestFactory
    Stream<DynamicTest> noSecretInAnyOutputForEveryModeLevelAndVariant() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long started = System.nanoTime();
        List<DynamicTest> tests = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            for (Variant variant : Variant.values()) {
                for (String level : variant.ok && variant != Variant.REFERENCE_CHECK ? LEVELS : FAILING_LEVELS) {
                    String name = mode.name().toLowerCase() + " " + variant.name().toLowerCase().replace('_', ' ') + " at " + level;
                    Path results = work.resolve(name.replace(' ', '-') + ".jsonl");
                    Future<Launcher.Run> run = pool.submit(() ->
                            Launcher.args(args(mode, variant, level, results)).env("SENSE_PROBE_HOME", home.toString())
                                    .env(JWT_VARIABLE, sim.sim.validJwt()).cwd(work).run());
                    tests.add(DynamicTest.dynamicTest(name, () -> assertNoSecret(mode, variant, level, run.get(), results)));
                }
            }
        }
        pool.shutdown();
        tests.add(DynamicTest.dynamicTest("no secret in any file written", () -> {
            System.out.printf("SecretsIT: %d launcher runs took %d s%n", tests.size() - 1, (System.nanoTime() - started) / 1_000_000_000);
            for (Path folder : List.of(work, home)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.filter(Files::isRegularFile).forEach(SecretsIT::assertNoSecretIn);
                }
            }
        }));
        return tests.stream();
    }

    @Test
    void debugLogStillShowsHostAndPort() {
        int port = sim.port(Listener.JWT_PROXY);

        Launcher.Run run = Launcher.args(sim.jwtTest("--auth-jwt", sim.sim.validJwt(), "--log-level", "debug")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.err().contains("localhost:" + port), () -> "host and port are masked like secrets:\n" + run.describe());
    }

    private static List<String> args(Mode mode, Variant variant, String level, Path results) {
        if (variant.check) {
            String file = mode.name().toLowerCase() + (variant == Variant.REFERENCE_CHECK ? "-reference" : variant.ok ? "-ok" : "-failing") + ".yaml";
            return List.of("check", definitions.resolve(file).toString(), "--results", results.toString(), "--json",
                    "--log-level", level);
        }
        return switch (mode) {
            case CERT -> sim.encryptedCertTest(variant.ok ? SenseSimulator.KEY_PASSPHRASE : WRONG_PASSPHRASE, "--log-level", level);
            case JWT -> sim.jwtTest("--auth-jwt", variant.ok ? sim.sim.validJwt() : refusedJwt, "--log-level", level);
            case APIKEY -> sim.cloudTest("--apikey", variant.ok ? sim.sim.apiKey() : refusedApiKey, "--log-level", level);
        };
    }

    private static void assertNoSecret(Mode mode, Variant variant, String level, Launcher.Run run, Path results) {
        int expectedExit = variant.ok ? 0 : mode == Mode.CERT ? 2 : 1;
        assertEquals(expectedExit, run.exitCode(), run::describe);
        for (String secret : secrets) {
            assertFalse(run.out().contains(secret), () -> "secret " + secret + " on stdout:\n" + run.describe());
            assertFalse(run.err().contains(secret), () -> "secret " + secret + " on stderr:\n" + run.describe());
        }
        if (variant.check) {
            assertTrue(Files.isRegularFile(results), () -> "no results file " + results + "\n" + run.describe());
            assertNoSecretIn(results);
        }
        boolean connected = variant.ok || mode != Mode.CERT;
        if (level.equals("silly") && connected) {
            assertTrue(run.err().contains("http-outgoing"), () -> "no wire log at silly:\n" + run.describe());
            assertTrue(run.err().contains(">> \"GET "), () -> "no wire log of the request at silly:\n" + run.describe());
            String header = mode == Mode.CERT ? "X-Qlik-Xrfkey: " : "Authorization: Bearer ***";
            assertTrue(run.err().contains(header), () -> "no " + header + " in the wire log:\n" + run.describe());
        }
        if (List.of("error", "warn", "info").contains(level)) {
            assertFalse(run.err().contains("http-outgoing"), () -> "wire log below silly:\n" + run.describe());
        }
    }

    private static void assertNoSecretIn(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String secret : secrets) {
            assertFalse(text.contains(secret), () -> "secret " + secret + " in " + file + ":\n" + text);
        }
    }
}
