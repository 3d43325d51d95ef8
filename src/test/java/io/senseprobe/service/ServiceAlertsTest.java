package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.senseprobe.alert.AlertService;
import io.senseprobe.alert.RecordingReceiver;
import io.senseprobe.simulator.ClientCredential;
import io.senseprobe.simulator.Listener;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running service's alerts, end to end: simulator → inventory → alert service → e-mail (GreenMail), Slack,
 * Teams and a generic webhook (a local HTTP receiver). Every destination must get the same story.
 */
class ServiceAlertsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String SLACK = "/services/T000/B000/slackToken";
    private static final String TEAMS = "/workflows/teams/invoke";
    private static final String HOOK = "/hook";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path home;
    private ServiceHarness harness;
    private RecordingReceiver receiver;
    private Path connections;

    @BeforeEach
    void setUp() throws Exception {
        harness = ServiceHarness.withSimulator(home);
        receiver = new RecordingReceiver();
        connections = Files.createDirectories(home.resolve("connections"));
    }

    @AfterEach
    void tearDown() {
        harness.close();
        receiver.close();
    }

    private void startService(String... keyValues) throws Exception {
        List<String> settings = new ArrayList<>(List.of(
                "sense.check.interval", "300ms",
                "sense.alert.failure-threshold", "1",
                "sense.alert.rate-limit", "0",
                "sense.alert.webhook.url", receiver.url(HOOK),
                "sense.alert.slack.url", receiver.url(SLACK),
                "sense.alert.teams.url", receiver.url(TEAMS),
                "sense.alert.email.host", "127.0.0.1",
                "sense.alert.email.port", String.valueOf(greenMail.getSmtp().getPort()),
                "sense.alert.email.from", "probe@example.com",
                "sense.alert.email.to", "ops@example.com"));
        settings.addAll(List.of(keyValues));
        harness.startService(settings.toArray(String[]::new));
    }

    @Test
    void aFailingConnectionAlertsEveryDestinationOnceAndResolvesWhenFixed() throws Exception {
        startService();
        Path file = connections.resolve("sim-qrs-ip-host.yaml");
        Files.copy(harness.example("sim-qrs-ip-host"), file);

        awaitOnEveryDestination("sim-qrs-ip-host", "failing");
        JsonNode failing = hook("sim-qrs-ip-host").get(0);
        assertEquals("qrs-about", failing.get("check").asText());
        assertEquals("failed", failing.get("status").asText());
        assertEquals("tls-hostname-mismatch", failing.get("category").asText());
        assertTrue(failing.hasNonNull("message") && failing.hasNonNull("checkedAt"), failing.toString());
        // since issue 8: the time of the first failing check (its checkedAt), not when the alert was processed
        assertEquals(recordsOf("sim-qrs-ip-host").get(0).get("checkedAt").asText(), failing.path("since").asText(), failing.toString());
        assertTrue(failing.has("lastOk") && failing.get("lastOk").isNull(), "never OK so far: " + failing);
        assertEquals("[sense-probe] FAILING sim-qrs-ip-host: tls-hostname-mismatch", mailSubjects("sim-qrs-ip-host").get(0));
        assertTrue(text(SLACK, "sim-qrs-ip-host").get(0).contains("FAILING sim-qrs-ip-host"));
        assertTrue(text(TEAMS, "sim-qrs-ip-host").get(0).contains("FAILING sim-qrs-ip-host"));

        replace(file, Files.readString(file).replace("host: 127.0.0.1", "host: localhost"));

        awaitOnEveryDestination("sim-qrs-ip-host", "failing", "resolved");
        JsonNode resolved = hook("sim-qrs-ip-host").get(1);
        assertEquals("ok", resolved.get("status").asText());
        assertEquals(failing.get("since").asText(), resolved.get("since").asText(), "since: when the streak began");
        assertTrue(resolved.hasNonNull("lastOk"), resolved.toString());
        assertTrue(mailSubjects("sim-qrs-ip-host").get(1).startsWith("[sense-probe] RESOLVED sim-qrs-ip-host"));

        // a few more OK ticks: nothing more to say
        Thread.sleep(1000);
        awaitDeliveries();
        assertAlerts("sim-qrs-ip-host", "failing", "resolved");
    }

    @Test
    void withAThresholdOfTwoTheSecondFailureInARowAlerts() throws Exception {
        startService("sense.alert.failure-threshold", "2");
        Files.copy(harness.example("sim-qrs-ip-host"), connections.resolve("sim-qrs-ip-host.yaml"));

        awaitOnEveryDestination("sim-qrs-ip-host", "failing");
        List<JsonNode> failures = recordsOf("sim-qrs-ip-host");
        assertTrue(failures.size() >= 2, "alerted before the second failure: " + failures);
        JsonNode alert = hook("sim-qrs-ip-host").get(0);
        assertNotEquals(failures.get(0).get("checkedAt").asText(), alert.get("checkedAt").asText(),
                "the first failure alone must not alert");
        assertEquals(failures.get(1).get("checkedAt").asText(), alert.get("checkedAt").asText(),
                "the second failure in a row is the one that alerts");
    }

    @Test
    void anInvalidConnectionFileAlertsOncePerContentAndWhenFixed() throws Exception {
        startService();
        Path file = connections.resolve("broken.yaml");
        replace(file, "name: broken\ntarget: qseow\n");

        awaitOnEveryDestination("broken.yaml", "failing");
        JsonNode first = hook("broken.yaml").get(0);
        assertEquals("definition", first.get("check").asText());
        assertEquals("failed", first.get("status").asText());
        assertEquals("invalid-definition", first.get("category").asText());
        assertTrue(first.get("message").asText().contains("broken.yaml is invalid"), first.toString());
        Thread.sleep(1000);
        awaitDeliveries();
        assertAlerts("broken.yaml", "failing");

        replace(file, "name: broken\ntarget: qseow\nhost: localhost\nauth-type: nonsense\n");
        awaitOnEveryDestination("broken.yaml", "failing", "failing");
        assertNotEquals(first.get("message").asText(), hook("broken.yaml").get(1).get("message").asText());

        replace(file, harness.exampleText("sim-qrs"));
        awaitOnEveryDestination("broken.yaml", "failing", "failing", "resolved");
        JsonNode fixed = hook("broken.yaml").get(2);
        assertEquals("definition", fixed.get("check").asText());
        assertEquals("ok", fixed.get("status").asText());
        assertTrue(fixed.get("message").asText().contains("valid again"), fixed.toString());
        // the fixed file's connection works: no alert about it
        ServiceHarness.await("sim-qrs checked", WAIT,
                () -> InventoryTest.statusOf(home.resolve("out/status.json"), "sim-qrs/qrs-about") != null);
        awaitDeliveries();
        assertAlerts("sim-qrs");
    }

    @Test
    void aDeletedFailingConnectionGetsNoMoreReminders() throws Exception {
        startService("sense.alert.reminder-interval", "300ms");
        Path deleted = connections.resolve("sim-qrs-ip-host.yaml");
        Files.copy(harness.example("sim-qrs-ip-host"), deleted);
        Files.copy(harness.example("sim-jwt-expired"), connections.resolve("sim-jwt-expired.yaml"));
        ServiceHarness.await("reminders for both", WAIT,
                () -> kinds(hook("sim-qrs-ip-host")).contains("reminder") && kinds(hook("sim-jwt-expired")).contains("reminder"));

        Files.delete(deleted);
        ServiceHarness.await("deleted connection leaves status.json", WAIT,
                () -> InventoryTest.statusOf(home.resolve("out/status.json"), "sim-qrs-ip-host/qrs-about") == null);
        awaitDeliveries();
        int deletedCount = hook("sim-qrs-ip-host").size();
        int remainingCount = hook("sim-jwt-expired").size();

        Thread.sleep(1500);
        awaitDeliveries();
        assertEquals(deletedCount, hook("sim-qrs-ip-host").size(), () -> "reminders after the delete: " + kinds(hook("sim-qrs-ip-host")));
        assertTrue(hook("sim-jwt-expired").size() > remainingCount, "the remaining connection is still reminded about");
    }

    @Test
    void alertToSendsAConnectionsAlertsToItsNamedDestinationAndAnUnknownIdIsAnErrorOfItsFile() throws Exception {
        try (io.senseprobe.alert.LogCapture log = new io.senseprobe.alert.LogCapture()) {
            startService("sense.alert.destinations.customer-a.type", "webhook",
                    "sense.alert.destinations.customer-a.url", receiver.url("/customer-a"),
                    "sense.alert.destinations.pager.type", "pagerduty",
                    "sense.alert.destinations.unused.type", "webhook",
                    "sense.alert.destinations.unused.url", receiver.url("/unused"));
            String example = Files.readString(harness.example("sim-qrs-ip-host")).stripTrailing();
            Files.writeString(connections.resolve("routed.yaml"), example + "\nalert-to: [customer-a]\n");
            Files.writeString(connections.resolve("typo.yaml"), example.replace("sim-qrs-ip-host", "typo")
                    + "\nalert-to: [customer-b]\n");

            ServiceHarness.await("the failing alert at customer-a", WAIT, () -> receiver.bodies("/customer-a").stream()
                    .anyMatch(b -> "sim-qrs-ip-host".equals(b.path("connection").asText())));
            Path error = home.resolve("out/errors/typo.yaml.error.txt");
            ServiceHarness.await("the error file of typo.yaml", WAIT, () -> Files.exists(error));
            assertTrue(Files.readString(error).contains("key \"alert-to\": no alert destination \"customer-b\" is"
                    + " configured; the configured ones are customer-a, email, slack, teams, unused, webhook."),
                    Files.readString(error));
            awaitDeliveries();
            assertEquals(List.of(), hook("sim-qrs-ip-host"), "alert-to replaces the default destinations");
            assertEquals(List.of(), receiver.bodies("/unused"));
            String warnings = log.text();
            assertTrue(warnings.contains("sense.alert.destinations.pager.type = \"pagerduty\": unknown type"), warnings);
            assertTrue(warnings.contains("Alert destination unused (sense.alert.destinations.unused.*) is not named in"
                    + " any connection's alert-to"), warnings);
        }
    }

    @Test
    void aConnectionDeletedWhileItIsBeingCheckedStaysOutOfStatusJsonAndAlerts() throws Exception {
        startService("sense.alert.reminder-interval", "300ms");
        // sim-slow times out after 2 s: its next check is still running when the file goes
        Path slow = connections.resolve("sim-slow.yaml");
        Files.copy(harness.example("sim-slow"), slow);
        ServiceHarness.await("sim-slow failing", WAIT, () -> kinds(hook("sim-slow")).contains("failing"));
        ServiceHarness.await("second check of sim-slow under way", WAIT, () -> harness.sim.requests(Listener.SLOW).size() >= 2);

        Files.delete(slow);
        ServiceHarness.await("deleted connection leaves status.json", WAIT,
                () -> InventoryTest.statusOf(home.resolve("out/status.json"), "sim-slow/qrs-about") == null);
        awaitDeliveries();
        int sent = hook("sim-slow").size();
        ServiceHarness.await("the check under way ends", WAIT, () -> recordsOf("sim-slow").size() >= 2);
        Thread.sleep(700);
        awaitDeliveries();

        assertEquals(null, InventoryTest.statusOf(home.resolve("out/status.json"), "sim-slow/qrs-about"),
                "the late result of a deleted connection brought it back into status.json");
        assertEquals(sent, hook("sim-slow").size(), () -> "alerts after the delete: " + kinds(hook("sim-slow")));
    }

    @Test
    void inboxResultsNeverReachTheAlertsOrStatusJson() throws Exception {
        startService();
        Files.copy(harness.example("sim-jwt-expired"), connections.resolve("sim-jwt-expired.yaml"));
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Files.copy(harness.example("sim-qrs-ip-host"), inbox.resolve("sim-qrs-ip-host.yaml"));

        awaitOnEveryDestination("sim-jwt-expired", "failing");
        ServiceHarness.await("inbox report", WAIT, () -> reportIn(inbox.resolve(".done")));
        assertTrue(recordsOf("sim-qrs-ip-host").size() >= 1, "the inbox check ran and failed");
        Thread.sleep(600);
        awaitDeliveries();

        assertAlerts("sim-qrs-ip-host");
        assertEquals(1, greenMail.getReceivedMessages().length, "only the inventory connection's mail");
        assertTrue(InventoryTest.statusOf(home.resolve("out/status.json"), "sim-jwt-expired/qrs-about") != null);
        assertFalse(Files.readString(home.resolve("out/status.json")).contains("sim-qrs-ip-host"));
    }

    @Test
    void aClientCertificateNearItsEndAlertsOncePerThresholdAcrossRestarts() throws Exception {
        ClientCredential soon = harness.sim.issueClientCredential(home.resolve("soon"),
                Instant.now().plus(Duration.ofDays(10)).plus(Duration.ofHours(1)));
        startService("sense.expiry.warn-days", "30");
        // the per-check lines go to stdout (LogSink): read them through a tee for the first checks
        PrintStream stdout = System.out;
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        System.setOut(new PrintStream(tee(stdout, lines), true, StandardCharsets.UTF_8));
        try {
            replace(connections.resolve("soon.yaml"), harness.exampleText("sim-qrs").replace("name: sim-qrs", "name: soon")
                    .replace(harness.sim.files().clientCert().toString(), soon.certFile().toString())
                    .replace(harness.sim.files().clientKey().toString(), soon.keyFile().toString()));

            awaitOnEveryDestination("soon", "expiring");
            JsonNode alert = hook("soon").get(0);
            assertEquals("warning", alert.get("status").asText());
            assertEquals("expiring", alert.get("category").asText());
            assertTrue(alert.get("message").asText().matches("The client certificate CN=QlikClient expires on "
                    + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\(10 days left\\)\\."), alert.toString());
            assertTrue(mailSubjects("soon").get(0).startsWith("[sense-probe] EXPIRING soon: The client certificate"));
            ServiceHarness.await("a WARNING log line", WAIT, () -> lines.toString(StandardCharsets.UTF_8)
                    .contains("WARNING soon qseow localhost:"));
            assertTrue(lines.toString(StandardCharsets.UTF_8).contains(" — The client certificate CN=QlikClient expires on "));
        } finally {
            System.setOut(stdout);
        }
        int checks = records("soon", "warning").size();
        ServiceHarness.await("two more checks", WAIT, () -> records("soon", "warning").size() >= checks + 2);
        harness.stopService();
        startService("sense.expiry.warn-days", "30");
        int afterRestart = records("soon", "warning").size();
        ServiceHarness.await("two checks after the restart", WAIT, () -> records("soon", "warning").size() >= afterRestart + 2);
        awaitDeliveries();
        assertAlerts("soon", "expiring");

        // the next threshold (10 days left is inside 14) is announced once more, after a restart too
        harness.stopService();
        startService("sense.expiry.warn-days", "30,14");
        awaitOnEveryDestination("soon", "expiring", "expiring");
        assertEquals(List.of(), recordsOf("soon"), "warnings are never failures");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** Waits until each destination got exactly these kinds for the connection (in order), then checks nothing else came. */
    private void awaitOnEveryDestination(String connection, String... kinds) throws InterruptedException {
        List<String> expected = List.of(kinds);
        ServiceHarness.await(connection + " " + expected + " on every destination", WAIT,
                () -> kinds(hook(connection)).size() >= kinds.length && text(SLACK, connection).size() >= kinds.length
                        && text(TEAMS, connection).size() >= kinds.length && mailSubjects(connection).size() >= kinds.length);
        awaitDeliveries();
        assertAlerts(connection, kinds);
    }

    private void assertAlerts(String connection, String... kinds) {
        List<String> expected = List.of(kinds);
        assertEquals(expected, kinds(hook(connection)), "webhook");
        assertEquals(expected.size(), text(SLACK, connection).size(), "slack");
        assertEquals(expected.size(), text(TEAMS, connection).size(), "teams");
        assertEquals(expected.size(), mailSubjects(connection).size(), "mail");
        for (int i = 0; i < kinds.length; i++) {
            String word = switch (kinds[i]) {
                case "failing" -> "FAILING";
                case "resolved" -> "RESOLVED";
                case "expiring" -> "EXPIRING";
                default -> "STILL FAILING";
            };
            assertTrue(mailSubjects(connection).get(i).contains(word + " " + connection), mailSubjects(connection).toString());
            assertTrue(text(SLACK, connection).get(i).contains(word + " " + connection), "slack " + i);
            assertTrue(text(TEAMS, connection).get(i).contains(word + " " + connection), "teams " + i);
        }
    }

    private void awaitDeliveries() {
        AlertService alerts = harness.service.context().getRegistry().lookupByNameAndType(AlertService.BEAN, AlertService.class);
        assertTrue(alerts.awaitDeliveries(WAIT), "deliveries did not finish");
    }

    private List<JsonNode> hook(String connection) {
        return receiver.bodies(HOOK).stream().filter(b -> connection.equals(b.path("connection").asText())).toList();
    }

    private static List<String> kinds(List<JsonNode> bodies) {
        return bodies.stream().map(b -> b.path("alert").asText()).toList();
    }

    /** The Slack or Teams bodies that are about the connection (their subject line names it). */
    private List<String> text(String path, String connection) {
        return receiver.requests(path).stream().map(RecordingReceiver.Request::body)
                .filter(body -> mentions(body, connection)).toList();
    }

    /** Subjects read "FAILING prod: ...", "STILL FAILING prod (for ...)", "RESOLVED prod (failed for ...)". */
    private static boolean mentions(String text, String connection) {
        return text.contains(" " + connection + ":") || text.contains(" " + connection + " (");
    }

    private List<String> mailSubjects(String connection) {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : greenMail.getReceivedMessages()) {
            try {
                if (mentions(mail.getSubject(), connection)) {
                    subjects.add(mail.getSubject());
                }
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }
        return subjects;
    }

    /** Today's JSON-lines records of the connection, failed ones, in the order they were written. */
    private List<JsonNode> recordsOf(String connection) {
        return records(connection, "failed");
    }

    private List<JsonNode> records(String connection, String status) {
        Path daily = home.resolve("out/results/" + LocalDate.now(ZoneOffset.UTC) + ".jsonl");
        List<JsonNode> records = new ArrayList<>();
        for (String line : readLines(daily)) {
            JsonNode record = readTree(line);
            if (record.path("connection").asText().equals(connection) && record.path("status").asText().equals(status)) {
                records.add(record);
            }
        }
        return records;
    }

    /** Writes beside the file and renames it over, so the inventory never reads half a file (another content). */
    private static void replace(Path file, String text) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(part, text);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutputStream tee(OutputStream first, OutputStream second) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                first.write(b);
                second.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                first.write(b, off, len);
                second.write(b, off, len);
            }
        };
    }

    private static boolean reportIn(Path folder) {
        try (var files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".result.json"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
