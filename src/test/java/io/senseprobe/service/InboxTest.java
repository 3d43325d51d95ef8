package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The watched inbox with a running service and the simulator: one service for the class, one file name per test. */
class InboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path home;
    static ServiceHarness harness;
    static Path inbox;
    static ListAppender<ILoggingEvent> inboxLog = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        ((Logger) LoggerFactory.getLogger(Inbox.class)).addAppender(inboxLog);
        inboxLog.start();
        harness = ServiceHarness.withSimulator(home).startService();
        inbox = home.resolve("inbox");
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(Inbox.class)).detachAppender(inboxLog);
        harness.close();
    }

    @Test
    void aGoodFileEndsInDoneWithAPrivateReportWithinASecond() throws Exception {
        long start = System.nanoTime();
        Files.writeString(inbox.resolve("good.yaml"), harness.exampleText("sim-qrs"));
        Path report = awaitOne(".done", "good.", ".result.json");
        long millis = (System.nanoTime() - start) / 1_000_000;
        String claimed = report.getFileName().toString().replace(".result.json", "");
        assertTrue(claimed.matches("good\\.\\d{8}T\\d{9}\\.yaml"), claimed);
        assertTrue(Files.exists(inbox.resolve(".done").resolve(claimed)));
        assertFalse(Files.exists(inbox.resolve("good.yaml")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
        JsonNode records = JSON.readTree(report.toFile());
        assertTrue(records.isArray());
        assertEquals("sim-qrs", records.get(0).path("connection").asText());
        assertEquals("ok", records.get(0).path("status").asText());
        // settle 300 ms here; 500 ms by default: well under a second either way on an idle machine
        assertTrue(millis < 3000, "took " + millis + " ms");

        // one-off: the log file gets it, status.json does not
        Path daily = home.resolve("out/results/" + LocalDate.now(ZoneOffset.UTC) + ".jsonl");
        assertTrue(Files.readString(daily).contains("\"connection\":\"sim-qrs\""));
        Path status = home.resolve("out/status.json");
        assertTrue(!Files.exists(status) || !Files.readString(status).contains("sim-qrs"));
    }

    @Test
    void anInvalidFileEndsInErrorWithEveryProblem() throws Exception {
        Files.writeString(inbox.resolve("broken.yaml"), """
                name: broken
                target: qseow
                auth-user-dir: INTERNAL
                auth-user-id: sa_api
                auth-cert-keyfile: client_key.pem
                timeout: soon
                """);
        Path report = awaitOne(".error", "broken.", ".error.txt");
        String text = Files.readString(report);
        assertTrue(text.contains("auth-cert-keyfile"), text);
        assertTrue(text.contains("timeout"), text);
        assertTrue(text.contains("host"), text);
        assertTrue(text.lines().count() >= 3, text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
        assertTrue(Files.exists(inbox.resolve(".error").resolve(report.getFileName().toString().replace(".error.txt", ""))));
    }

    @Test
    void aFileWrittenInPiecesIsTakenOnlyWhenComplete() throws Exception {
        String text = harness.exampleText("sim-qrs");
        int third = text.length() / 3;
        Path file = inbox.resolve("chunked.yaml");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (String piece : List.of(text.substring(0, third), text.substring(third, 2 * third), text.substring(2 * third))) {
                out.write(piece.getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(200);
                assertTrue(Files.exists(file), "taken while still being written");
            }
        }
        Path report = awaitOne(".done", "chunked.", ".result.json");
        assertEquals("ok", JSON.readTree(report.toFile()).get(0).path("status").asText());
        assertEquals(0, matching(".error", "chunked.").size());
    }

    @Test
    void aFileRenamedInIsTakenAtOnce() throws Exception {
        Path part = inbox.resolve("renamed.yaml.part");
        Files.writeString(part, harness.exampleText("sim-qrs"));
        Files.setLastModifiedTime(part, FileTime.from(Instant.now().minusSeconds(60)));
        Thread.sleep(500);
        assertTrue(Files.exists(part), ".part files stay");
        long start = System.nanoTime();
        Files.move(part, inbox.resolve("renamed.yaml"), StandardCopyOption.ATOMIC_MOVE);
        awaitOne(".done", "renamed.", ".result.json");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2000, "took " + millis + " ms");
    }

    @Test
    void theClaimedFileIsPrivateAndItsRetentionCountsFromTheClaim() throws Exception {
        Path staged = home.resolve("claimed-stage.yaml");
        Files.writeString(staged, harness.exampleText("sim-qrs"));
        Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setLastModifiedTime(staged, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
        Instant before = Instant.now().minusSeconds(1);
        Files.move(staged, inbox.resolve("claimed.yaml"), StandardCopyOption.ATOMIC_MOVE);
        Path report = awaitOne(".done", "claimed.", ".result.json");
        Path definition = inbox.resolve(".done").resolve(report.getFileName().toString().replace(".result.json", ""));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(definition)));
        Instant modified = Files.getLastModifiedTime(definition).toInstant();
        assertFalse(modified.isBefore(before), "dated " + modified + ", not from the claim (after " + before + ")");
        assertTrue(Files.exists(definition), "deleted by the retention sweep although claimed just now");
    }

    @Test
    void aFileDroppedAgainIsCheckedAgain() throws Exception {
        Files.writeString(inbox.resolve("again.yaml"), harness.exampleText("sim-qrs"));
        awaitOne(".done", "again.", ".result.json");
        Files.writeString(inbox.resolve("again.yaml"), harness.exampleText("sim-qrs"));
        // the report is written before camel-file moves the definition into .done: wait for both of each
        ServiceHarness.await("second report and its definition", WAIT, () -> matching(".done", "again.").size() == 4);
        assertEquals(2, matching(".done", "again.").stream().filter(n -> n.endsWith(".result.json")).count());
    }

    @Test
    void otherFilesStayAndAreLoggedOnce() throws Exception {
        List<String> names = List.of(".hidden.yaml", "notes.txt", "draft.yaml.tmp", "upload.part", "backup.yaml~");
        for (String name : names) {
            Files.writeString(inbox.resolve(name), harness.exampleText("sim-qrs"));
        }
        Thread.sleep(1500);
        for (String name : names) {
            assertTrue(Files.exists(inbox.resolve(name)), name + " was moved");
            long logged = inboxLog.list.stream().filter(e -> e.getFormattedMessage().contains("leaving " + name + " alone")).count();
            assertEquals(1, logged, name + " logged " + logged + " times");
        }
    }

    /** A report in the folder, and the definition it reports on beside it (Camel moves that one right after). */
    static Path awaitOne(String folder, String prefix, String suffix) throws InterruptedException {
        ServiceHarness.await(prefix + "*" + suffix + " and its definition in " + folder, WAIT,
                () -> matching(folder, prefix).stream().anyMatch(n -> n.endsWith(suffix)
                        && Files.exists(inbox.resolve(folder).resolve(n.substring(0, n.length() - suffix.length())))));
        return inbox.resolve(folder).resolve(matching(folder, prefix).stream().filter(n -> n.endsWith(suffix)).findFirst().orElseThrow());
    }

    static List<String> matching(String folder, String prefix) {
        try (Stream<Path> files = Files.list(inbox.resolve(folder))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
