package io.senseprobe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Under --json, stdout holds one JSON record per connection, one per line, and nothing else. */
class JsonOutputIT extends SimulatorIT {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Test
    void connectionTestThatWorksPrintsOneOkRecordAndTheHumanTextOnStderr() {
        Launcher.Run run = Launcher.args(sim.certTest("localhost", "--json")).run();

        assertEquals(0, run.exitCode(), run::describe);
        JsonNode record = records(run, 1).get(0);
        assertEquals("ok", record.get("status").asText(), run::describe);
        assertEquals("localhost", record.get("host").asText(), run::describe);
        assertTrue(run.err().contains("Successfully connected to Qlik Sense server localhost"), run::describe);
    }

    @Test
    void connectionTestThatFailsPrintsOneFailedRecord() {
        Launcher.Run run = Launcher.args(sim.certTest("127.0.0.1", "--json")).run();

        assertEquals(1, run.exitCode(), run::describe);
        JsonNode record = records(run, 1).get(0);
        assertEquals("failed", record.get("status").asText(), run::describe);
        assertEquals("tls-hostname-mismatch", record.get("category").asText(), run::describe);
        assertTrue(run.err().contains("Connection failed: tls-hostname-mismatch"), run::describe);
    }

    @Test
    void connectionTestWithAnInvalidDefinitionPrintsOneInvalidDefinitionRecord() {
        Launcher.Run run = Launcher.args("qseow", "connection-test", "--host", "localhost", "--json").run();

        assertEquals(2, run.exitCode(), run::describe);
        assertEquals("invalid-definition", records(run, 1).get(0).get("category").asText(), run::describe);
    }

    @Test
    void connectionTestWithMissingCertFilePrintsOneRecord() {
        List<String> args = new ArrayList<>(sim.certTest("localhost", "--json"));
        args.set(args.indexOf(sim.files.clientKey().toString()), dir.resolve("missing_key.pem").toString());

        Launcher.Run run = Launcher.args(args).run();

        assertEquals(2, run.exitCode(), run::describe);
        JsonNode record = records(run, 1).get(0);
        assertTrue(Set.of("cert-file", "invalid-definition").contains(record.get("category").asText()), run::describe);
    }

    @Test
    void connectionTestWithWrongPassphrasePrintsOneKeyPassphraseRecord() {
        Launcher.Run run = Launcher.args(sim.encryptedCertTest("not-the-passphrase", "--json")).run();

        assertEquals(2, run.exitCode(), run::describe);
        assertEquals("key-passphrase", records(run, 1).get(0).get("category").asText(), run::describe);
    }

    @Test
    void qscloudConnectionTestPrintsOneRecordWithTheUser() {
        Launcher.Run run = Launcher.args(sim.cloudTest("--apikey", sim.sim.apiKey(), "--json")).run();

        assertEquals(0, run.exitCode(), run::describe);
        JsonNode record = records(run, 1).get(0);
        assertEquals("ok", record.get("status").asText(), run::describe);
        assertTrue(run.err().contains("Successfully connected to Qlik Sense Cloud tenant"), run::describe);
    }

    @Test
    void checkOfSeveralFilesPrintsOneRecordPerConnection() {
        Path folder = dir.resolve("several");
        Sim.write(folder.resolve("qrs.yaml"), sim.certYaml("qrs"));
        Sim.write(folder.resolve("jwt.yaml"), sim.jwtYaml("jwt", sim.sim.validJwt()));
        Sim.write(folder.resolve("jwt-expired.yaml"), sim.jwtYaml("jwt-expired", sim.sim.expiredJwt()));
        Sim.write(folder.resolve("cloud.yaml"), sim.cloudYaml("cloud", sim.sim.apiKey()));

        Launcher.Run run = Launcher.args("check", folder.resolve("qrs.yaml").toString(), folder.resolve("jwt.yaml").toString(),
                folder.resolve("jwt-expired.yaml").toString(), folder.resolve("cloud.yaml").toString(), "--json").run();

        assertEquals(1, run.exitCode(), run::describe);
        List<JsonNode> records = records(run, 4);
        assertEquals(Set.of("qrs", "jwt", "jwt-expired", "cloud"),
                records.stream().map(r -> r.get("connection").asText()).collect(Collectors.toSet()), run::describe);
        assertEquals(1, records.stream().filter(r -> r.get("status").asText().equals("failed")).count(), run::describe);
        assertTrue(run.err().contains("jwt-expired"), run::describe);
    }

    @Test
    void checkOfInvalidFilesPrintsOneRecordPerBrokenConnection() {
        Path folder = dir.resolve("invalid");
        Sim.write(folder.resolve("a.yaml"), sim.certYaml("a").replace("port:", "prot:"));
        Sim.write(folder.resolve("b.yaml"), sim.cloudYaml("b", sim.sim.apiKey()).replace("tenant-host:", "tenant-hots:"));

        Launcher.Run run = Launcher.args("check", folder.toString(), "--json").run();

        assertEquals(2, run.exitCode(), run::describe);
        records(run, 2).forEach(r -> assertEquals("invalid-definition", r.get("category").asText(), run::describe));
        assertTrue(run.err().contains("nothing was checked"), run::describe);
    }

    @Test
    void resultsFileGetsOneJsonLinePerConnectionAppendedPerRun() throws Exception {
        Path folder = dir.resolve("results");
        Sim.write(folder.resolve("qrs.yaml"), sim.certYaml("qrs"));
        Sim.write(folder.resolve("cloud.yaml"), sim.cloudYaml("cloud", sim.sim.apiKey()));
        Path results = dir.resolve("out/results.jsonl");

        Launcher.Run first = Launcher.args("check", folder.toString(), "--results", results.toString()).run();
        Launcher.Run second = Launcher.args("check", folder.toString(), "--results", results.toString()).run();

        assertEquals(0, first.exitCode(), first::describe);
        assertEquals(0, second.exitCode(), second::describe);
        List<String> lines = java.nio.file.Files.readAllLines(results);
        assertEquals(4, lines.size(), () -> String.join("\n", lines));
        for (String line : lines) {
            assertEquals("ok", JSON.readTree(line).get("status").asText(), line);
        }
    }

    /** stdout as exactly {@code count} JSON objects, one per line, and nothing else. */
    static List<JsonNode> records(Launcher.Run run, int count) {
        String out = run.out();
        assertTrue(out.endsWith("\n"), () -> "stdout does not end with a newline:\n" + run.describe());
        String[] lines = out.substring(0, out.length() - 1).split("\n", -1);
        assertEquals(count, lines.length, () -> "stdout lines:\n" + run.describe());
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines) {
            try {
                JsonNode node = JSON.readTree(line);
                assertTrue(node != null && node.isObject(), () -> "not a JSON object: " + line + "\n" + run.describe());
                records.add(node);
            } catch (Exception e) {
                fail("not JSON: " + line + "\n" + run.describe(), e);
            }
        }
        return records;
    }
}
