package io.senseprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.SenseProbeBeans;
import io.senseprobe.result.ResultJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** {@code validate}: every problem of every file, nothing contacted, exit 0 or 2, and pure JSON with --json. */
@ResourceLock("System.out")
class ValidateCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            // as Cli.run, without its switch of System.out to the process's own stdout
            int exit = Cli.commandLine(SenseProbeBeans::new, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args)
                    .execute(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private Path write(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, String.join("\n", lines) + "\n");
    }

    @Test
    void goodFilesExitZeroAndNameTheirConnections() throws Exception {
        write("defs/cloud.yaml", "connections:", "  - name: eu", "    target: qscloud", "    tenant-host: eu.example.com",
                "    apikey: k-1", "  - name: us", "    target: qscloud", "    tenant-host: us.example.com", "    apikey: k-2");
        write("defs/notes.txt", "not a definition: skipped in a folder");

        Run run = run("validate", dir.resolve("defs").toString());

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("OK " + dir.resolve("defs/cloud.yaml") + ": 2 connections (eu, us)"), run.out());
    }

    @Test
    void anAlertToIdTheSettingsDoNotConfigureIsAProblemOfItsFile() throws Exception {
        write("routed/ok.yaml", "name: eu", "target: qscloud", "tenant-host: eu.example.com", "apikey: k-1",
                "alert-to: [customer-a]");
        write("routed/typo.yaml", "name: us", "target: qscloud", "tenant-host: us.example.com", "apikey: k-2",
                "alert-to: [customer-b]");
        // as -D on the command line; the app home's own file configures no destination
        System.setProperty("sense.alert.destinations.customer-a.type", "webhook");
        System.setProperty("sense.alert.destinations.customer-a.url", "http://127.0.0.1:9/a");
        Run run;
        try {
            run = run("validate", dir.resolve("routed").toString());
        } finally {
            System.clearProperty("sense.alert.destinations.customer-a.type");
            System.clearProperty("sense.alert.destinations.customer-a.url");
        }

        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.out().contains("OK " + dir.resolve("routed/ok.yaml") + ": 1 connection (eu)"), run.out());
        assertTrue(run.out().contains("INVALID " + dir.resolve("routed/typo.yaml") + ": 1 problem"), run.out());
        assertTrue(run.out().contains("key \"alert-to\": no alert destination \"customer-b\" is configured; the"
                + " configured ones are customer-a."), run.out());
    }

    @Test
    void aSecretInAFileOthersCanReadIsANoteNotAProblem() throws Exception {
        Path cloud = write("loose/cloud.yaml", "name: eu", "target: qscloud", "tenant-host: eu.example.com", "apikey: literal-key-0815");
        if (Files.getFileAttributeView(cloud, java.nio.file.attribute.PosixFileAttributeView.class) == null) {
            return; // no POSIX permissions: nothing to note
        }
        Files.setPosixFilePermissions(cloud, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        Run run = run("validate", cloud.toString(), "--json");

        assertEquals(0, run.exit(), run.toString());
        JsonNode file = ResultJson.MAPPER.readTree(run.out()).get("files").get(0);
        assertEquals(1, file.get("notes").size(), file.toString());
        assertTrue(file.get("notes").get(0).get("message").asText().contains("group or others can read it (rw-r--r--)"), file.toString());
        assertFalse(run.out().contains("literal-key-0815") || run.err().contains("literal-key-0815"), run.toString());
    }

    @Test
    void everyProblemOfEveryFileIsListedAndTheExitIsTwo() throws Exception {
        Path bad = write("bad.yaml", "name: b", "target: qscloud", "tenant-hots: x.example.com", "apikey: ${env:SP_VALIDATE_UNSET_4711}");
        Path worse = write("worse.json", "{\"name\": \"w\", \"target\": \"qsc\"}");

        Run run = run("validate", bad.toString(), worse.toString(), "--json");

        assertEquals(2, run.exit(), run.toString());
        JsonNode json = ResultJson.MAPPER.readTree(run.out());
        assertFalse(json.get("ok").asBoolean());
        JsonNode first = json.get("files").get(0);
        assertEquals(bad.toString(), first.get("file").asText());
        // by key, not by position: how many problems one typo yields is the typo handling's business
        JsonNode typo = problem(first, "tenant-hots");
        assertTrue(typo.get("fix").asText().contains("Did you mean \"tenant-host\""), first.toString());
        assertEquals(3, typo.get("line").asInt());
        assertTrue(problem(first, "apikey").get("message").asText().contains("SP_VALIDATE_UNSET_4711 is not set"), first.toString());
        assertEquals("invalid-definition", typo.get("category").asText());
        assertEquals("target", json.get("files").get(1).get("problems").get(0).get("key").asText());
        assertEquals(1, run.out().lines().count(), "--json prints one JSON document and nothing else");
        assertTrue(run.err().contains("INVALID " + bad + ": "), run.err());
        assertTrue(run.err().contains("  " + bad + ":3: connection \"b\", key \"tenant-hots\": unknown key."), run.err());
    }

    private static JsonNode problem(JsonNode file, String key) {
        for (JsonNode p : file.get("problems")) {
            if (key.equals(p.get("key").asText())) {
                return p;
            }
        }
        throw new AssertionError("no problem with key " + key + " in " + file);
    }

    @Test
    void aMissingPathIsAUsageError() {
        Run run = run("validate", dir.resolve("nothing-here.yaml").toString());

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("No such file or folder"), run.err());
    }
}
