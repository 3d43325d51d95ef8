package io.senseprobe.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as a definition file, YAML and JSON: the loader ends in definitions and problems, never in an exception,
 * and every problem names the file and says what to do. The inputs under
 * {@code DefinitionFileFuzzTestInputs/<method>/} (every valid shape, and the crashes found) replay in every test run;
 * {@code bench/fuzz} fuzzes. The app home has the QMC's PEM files and a secret file, so references and certificate
 * checks are reached.
 */
class DefinitionFileFuzzTest {
    @TempDir
    static Path home;
    private static DefinitionLoader loader;

    @BeforeAll
    static void appHome() throws Exception {
        Files.createDirectories(home.resolve("connections"));
        TestPem.writeSiteFiles(home.resolve("config"), null);
        Files.createDirectories(home.resolve("config/prod"));
        Files.writeString(home.resolve("config/prod/cloud-eu.apikey"), "eyJhbGciOiJub25lIn0.eyJleHAiOjF9.\n");
        Files.writeString(home.resolve("cloud.apikey"), "k");
        loader = new DefinitionLoader(home,
                Map.of("KEY_PASSPHRASE", "p", "SENSE_JWT", "eyJhbGciOiJub25lIn0.eyJleHAiOjF9.", "QLIK_API_KEY", "k")::get);
    }

    @FuzzTest(maxDuration = "30s")
    void yamlFile(byte[] content) throws IOException {
        load("fuzz.yaml", content);
    }

    @FuzzTest(maxDuration = "30s")
    void jsonFile(byte[] content) throws IOException {
        load("fuzz.json", content);
    }

    private static void load(String name, byte[] content) throws IOException {
        Path file = home.resolve("connections").resolve(name);
        Files.write(file, content);
        LoadResult result = loader.load(file);
        assertNotNull(result.definitions());
        for (Problem problem : result.problems()) {
            assertEquals(file, problem.file(), problem.describe());
            assertFalse(problem.message() == null || problem.message().isBlank(), problem.describe());
            assertFalse(problem.fix() == null || problem.fix().isBlank(), "no fix: " + problem.describe());
        }
    }
}
