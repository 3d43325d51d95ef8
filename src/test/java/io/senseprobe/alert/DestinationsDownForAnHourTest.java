package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.senseprobe.result.CheckResult;
import io.senseprobe.testing.SecretGrep;
import io.senseprobe.testing.TestClock;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMTP server (GreenMail) and the webhook receiver are both stopped for an hour of the injectable clock, while
 * connections fail, get reminded and resolve: every message is spooled, and once both are back each destination gets
 * all of them in the order they were decided, none lost and none twice.
 */
class DestinationsDownForAnHourTest {
    private static final String PASSWORD = "smtp-Secret-Pw-down-77";
    private static final String HOOK = "/hook/secretHOOKtoken-down-12";

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock();
    private GreenMail smtp;
    private RecordingReceiver receiver;
    private AlertCamel camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void everyMessageOfTheHourArrivesOnceInOrderOnEachDestination() throws Exception {
        int smtpPort = freePort();
        receiver = new RecordingReceiver();
        int hookPort = receiver.port();
        String hookUrl = receiver.url(HOOK);
        Map<String, String> props = new HashMap<>(Map.of(
                "sense.alert.email.host", "127.0.0.1",
                "sense.alert.email.port", String.valueOf(smtpPort),
                "sense.alert.email.from", "probe@example.com",
                "sense.alert.email.to", "ops@example.com",
                "sense.alert.email.username", "probe",
                "sense.alert.email.password", PASSWORD,
                "sense.alert.webhook.url", hookUrl,
                "sense.alert.failure-threshold", "1",
                "sense.alert.rate-limit", "0",
                "sense.alert.reminder-interval", "20m"));
        List<String> problems = new ArrayList<>();
        AlertSettings settings = AlertSettings.from(props::get, problems);
        assertEquals(List.of(), problems);
        try (LogCapture log = new LogCapture()) {
            camel = new AlertCamel(settings, dir, dir, clock);
            AlertService service = camel.service;
            // both down: no SMTP server on its port, the receiver stopped
            receiver.close();

            for (int minute = 0; minute <= 60; minute += 5) {
                if (minute == 0) {
                    service.onResult(failed("prod"), null);
                }
                if (minute == 10) {
                    service.onResult(failed("test"), null);
                }
                if (minute == 30) {
                    service.onResult(Results.ok("prod"), null);
                }
                if (minute == 40) {
                    service.onResult(failed("qa"), null);
                }
                if (minute == 50) {
                    service.onResult(Results.ok("qa"), null);
                }
                service.tick();
                assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
                clock.advance(Duration.ofMinutes(5));
            }
            List<String> spooledEmail = spooled("email");
            List<String> spooledHook = spooled("webhook");
            assertEquals(spooledEmail, spooledHook, "both destinations were handed the same story");
            assertTrue(spooledHook.containsAll(List.of("failing prod", "failing test", "resolved prod", "reminder test",
                    "failing qa", "resolved qa")), spooledHook::toString);
            assertTrue(spooledHook.indexOf("failing prod") < spooledHook.indexOf("resolved prod"), spooledHook::toString);
            // the spool while it is full: no address, token or password in any of its files
            new SecretGrep().secret("SMTP password", PASSWORD).secret("webhook path", HOOK).secret("webhook URL", hookUrl)
                    .files(dir, f -> f.startsWith(AlertSpool.DIR + "/")).assertClean("the spool, destinations down");

            // both back, where the settings point
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withUser("probe@example.com", "probe", PASSWORD));
            smtp.start();
            receiver = new RecordingReceiver(hookPort);
            for (int i = 0; i < 4; i++) {
                service.tick();
                assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
            }
            assertEquals(spooledHook, hookAlerts(), "webhook: all, in order, once\n" + log.text());
            assertEquals(spooledEmail, mailAlerts(), "e-mail: all, in order, once\n" + log.text());
            assertEquals(List.of(), spooled("email"));
            assertEquals(List.of(), spooled("webhook"));

            camel.close();
            camel = null;
            SecretGrep grep = new SecretGrep().secret("SMTP password", PASSWORD).secret("webhook path", HOOK)
                    .secret("webhook URL", hookUrl).text("log", log.text()).files(dir, f -> true);
            List<RecordingReceiver.Request> posts = receiver.requests(HOOK);
            for (int i = 0; i < posts.size(); i++) {
                grep.text("webhook POST #" + (i + 1), posts.get(i).body());
            }
            grep.assertClean(log.text());
        }
    }

    private CheckResult failed(String connection) {
        return Results.failedAt(connection, "Connection refused by sense.example.com:4242", clock.instant().toString());
    }

    /** "kind connection" of each file in the spool for one destination, oldest first. */
    private List<String> spooled(String destination) throws IOException {
        Path spool = dir.resolve(AlertSpool.DIR);
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            List<String> alerts = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-" + destination + ".json")).sorted().toList()) {
                JsonNode message = read(file);
                String alert = message.path("kind").asText() + " " + message.path("result").path("connection").asText();
                subjects.put(message.path("subject").asText(), alert);
                alerts.add(alert);
            }
            return alerts;
        }
    }

    // "kind connection" by subject: a mail says which message it is by its subject
    private final Map<String, String> subjects = new HashMap<>();

    private List<String> hookAlerts() {
        return receiver.bodies(HOOK).stream().map(b -> b.path("alert").asText() + " " + b.path("connection").asText())
                .toList();
    }

    private List<String> mailAlerts() throws MessagingException {
        Map<String, String> bySubject = subjects;
        List<String> alerts = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            alerts.add(bySubject.getOrDefault(mail.getSubject(), "unknown subject: " + mail.getSubject()));
        }
        return alerts;
    }

    private static JsonNode read(Path file) {
        try {
            return AlertJson.MAPPER.readTree(file.toFile()).path("message");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
