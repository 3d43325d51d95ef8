package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.senseprobe.testing.TestClock;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** E-mail through camel-mail to GreenMail, and no secret in logs, spool or state while a receiver is down. */
class EmailAndSecretsTest {
    static final String PASSWORD = "smtp-Secret-Pw-913";
    static final String SLACK_TOKEN = "/services/T0SECRET/B0SECRET/zzTopSecretSlackToken";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("probe@example.com", "probe", PASSWORD));

    @TempDir
    Path dir;
    AlertCamel camel;
    RecordingReceiver slack;
    AlertService service;

    @BeforeEach
    void start() throws Exception {
        slack = new RecordingReceiver();
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
        slack.close();
    }

    AlertService service(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of(
                "sense.alert.group-wait", "0",
                "sense.alert.email.host", "127.0.0.1",
                "sense.alert.email.port", String.valueOf(greenMail.getSmtp().getPort()),
                "sense.alert.email.from", "probe@example.com",
                "sense.alert.email.to", "ops@example.com, oncall@example.com",
                "sense.alert.email.username", "probe",
                "sense.alert.email.password", PASSWORD));
        props.putAll(extra);
        List<String> problems = new ArrayList<>();
        AlertSettings s = AlertSettings.from(props::get, problems);
        assertEquals(List.of(), problems);
        camel = new AlertCamel(s, dir, dir, new TestClock());
        return camel.service;
    }

    @Test
    void theFailingMailGoesToEveryRecipient() throws Exception {
        AlertService service = service(Map.of());
        service.onResult(Results.failed("prod"), null);
        service.onResult(Results.failed("prod"), null);
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
        assertTrue(greenMail.waitForIncomingEmail(5000, 2));
        MimeMessage[] mails = greenMail.getReceivedMessages();
        assertEquals(2, mails.length, "one copy per recipient");
        MimeMessage mail = mails[0];
        assertEquals("[sense-probe] FAILING prod: connection-refused", mail.getSubject());
        assertEquals("probe@example.com", mail.getFrom()[0].toString());
        assertEquals(List.of("ops@example.com", "oncall@example.com"),
                Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList());
        String text = GreenMailUtil.getBody(mail).replace("\r\n", "\n");
        assertTrue(text.startsWith("The qrs-about check of prod fails."), text);
        assertTrue(text.contains("Message:       Connection refused by sense.example.com:4242"), text);
    }

    @Test
    void noSecretInLogsSpoolOrState() throws Exception {
        slack.answer(500);
        String slackUrl = slack.url(SLACK_TOKEN);
        try (LogCapture log = new LogCapture()) {
            AlertService service = service(Map.of("sense.alert.slack.url", slackUrl,
                    "sense.alert.failure-threshold", "1"));
            service.onResult(Results.failed("prod"), null);
            service.onResult(Results.ok("prod"), null);
            assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
            assertTrue(greenMail.waitForIncomingEmail(5000, 4));
            org.slf4j.LoggerFactory.getLogger(getClass()).info("settings as a careless caller might log them: {} {}",
                    slackUrl, PASSWORD);

            List<String> texts = new ArrayList<>();
            texts.add(log.text());
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    texts.add(f + "\n" + Files.readString(f));
                }
            }
            String all = String.join("\n", texts);
            assertTrue(all.contains("alert-state.json"), "the state file was written");
            assertTrue(all.contains("-slack.json"), "the Slack messages were spooled");
            assertTrue(log.text().contains("Alerts: to email (") && log.text().contains("slack (URL masked)"), log.text());
            for (String secret : List.of(PASSWORD, slackUrl, SLACK_TOKEN, "zzTopSecretSlackToken")) {
                assertFalse(all.contains(secret), secret + " leaked:\n" + all);
            }
        }
    }
}
