package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.definition.LoadResult;
import io.senseprobe.definition.Problem;
import io.senseprobe.testing.TestClock;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * alert-to: two named webhooks and a named e-mail (GreenMail) beside the default webhook, each connection's alerts
 * only where its definition says; state and spool per connection/check and destination id.
 */
class RoutingTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    RecordingReceiver receiver;
    AlertCamel camel;
    final TestClock clock = new TestClock();

    @BeforeEach
    void start() throws Exception {
        receiver = new RecordingReceiver();
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
        receiver.close();
    }

    private AlertService service() {
        Map<String, String> p = new HashMap<>();
        p.put("sense.alert.group-wait", "0");
        p.put("sense.alert.webhook.url", receiver.url("/default"));
        p.put("sense.alert.destinations.customer-a.type", "webhook");
        p.put("sense.alert.destinations.customer-a.url", receiver.url("/a/token-of-customer-a"));
        p.put("sense.alert.destinations.customer-b.type", "webhook");
        p.put("sense.alert.destinations.customer-b.url", receiver.url("/b/token-of-customer-b"));
        p.put("sense.alert.destinations.customer-a-mail.type", "email");
        p.put("sense.alert.destinations.customer-a-mail.host", "127.0.0.1");
        p.put("sense.alert.destinations.customer-a-mail.port", String.valueOf(greenMail.getSmtp().getPort()));
        p.put("sense.alert.destinations.customer-a-mail.from", "probe@example.com");
        p.put("sense.alert.destinations.customer-a-mail.to", "noc@customer-a.example");
        List<String> problems = new ArrayList<>();
        AlertSettings s = AlertSettings.from(p::get, p.keySet(), problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of(), s.warnings());
        camel = new AlertCamel(s, dir, dir, clock);
        return camel.service;
    }

    private List<String> connections(String path) {
        return receiver.bodies(path).stream().map(b -> b.get("connection").asText()).sorted().toList();
    }

    @Test
    void eachConnectionsAlertsGoWhereItsAlertToSays() throws Exception {
        AlertService service = service();
        assertTrue(camel.context.getRoute("alert-customer-a-mail") != null, "a route per destination id");
        service.onResult(Results.failed("a1"), Results.routedTo("a1", List.of("customer-a", "customer-a-mail")));
        service.onResult(Results.failed("b1"), Results.routedTo("b1", List.of("customer-b")));
        service.onResult(Results.failed("plain"), Results.routedTo("plain", null));
        service.onResult(Results.failed("quiet"), Results.routedTo("quiet", List.of()));
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
        assertTrue(greenMail.waitForIncomingEmail(5000, 1));

        assertEquals(List.of("a1"), connections("/a/token-of-customer-a"));
        assertEquals(List.of("b1"), connections("/b/token-of-customer-b"));
        assertEquals(List.of("plain"), connections("/default"), "no alert-to: the default destinations");
        MimeMessage[] mails = greenMail.getReceivedMessages();
        assertEquals(1, mails.length);
        assertEquals("[sense-probe] FAILING a1: connection-refused", mails[0].getSubject());
        assertEquals("noc@customer-a.example", mails[0].getRecipients(Message.RecipientType.TO)[0].toString());

        // state per connection/check and destination id; "quiet" is tracked, but tells no one (written at the tick)
        service.tick();
        JsonNode state = AlertJson.MAPPER.readTree(dir.resolve(AlertStateStore.FILE_NAME).toFile());
        assertEquals(List.of("customer-a", "customer-a-mail"), fieldNames(state.get("a1/qrs-about").get("destinations")));
        assertEquals(List.of("customer-b"), fieldNames(state.get("b1/qrs-about").get("destinations")));
        assertEquals(List.of(), fieldNames(state.get("quiet/qrs-about").get("destinations")));
        assertTrue(state.get("quiet/qrs-about").get("failing").asBoolean());

        // the resolution goes where the failure went
        service.onResult(Results.ok("a1"), Results.routedTo("a1", List.of("customer-a", "customer-a-mail")));
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
        assertEquals(List.of("failing", "resolved"), receiver.bodies("/a/token-of-customer-a").stream()
                .map(b -> b.get("alert").asText()).toList());
        assertEquals(1, receiver.bodies("/default").size());
    }

    @Test
    void aDestinationThatIsDownKeepsItsOwnSpoolFiles() throws Exception {
        AlertService service = service();
        receiver.answer(500);
        service.onResult(Results.failed("b1"), Results.routedTo("b1", List.of("customer-b")));
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
        try (Stream<Path> files = Files.list(dir.resolve(AlertSpool.DIR))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).endsWith("-customer-b.json"), names.toString());
        }
    }

    @Test
    void anAlertToIdThatIsNotConfiguredIsAProblemOfItsFile() throws Exception {
        Path file = dir.resolve("connections.yaml");
        Files.writeString(file, String.join("\n", "connections:",
                "- name: a1", "  target: qscloud", "  tenant-host: t.eu.qlikcloud.com", "  apikey: k",
                "  alert-to: [customer-a, custmer-b]",
                "- name: a2", "  target: qscloud", "  tenant-host: t.eu.qlikcloud.com", "  apikey: k",
                "  alert-to: [customer-a]", ""));
        LoadResult loaded = new DefinitionLoader(dir).withAlertDestinations(Set.of("webhook", "customer-a", "customer-b"))
                .load(file);

        assertEquals(List.of("a2"), loaded.definitions().stream().map(d -> d.name()).toList(), loaded.problems().toString());
        assertEquals(List.of("customer-a"), loaded.definitions().get(0).overrides().alertTo());
        assertEquals(1, loaded.problems().size(), loaded.problems().toString());
        Problem p = loaded.problems().get(0);
        assertEquals("alert-to", p.key());
        assertEquals("a1", p.connection());
        assertEquals(6, p.line());
        assertTrue(p.message().contains("no alert destination \"custmer-b\" is configured; the configured ones are"
                + " customer-a, customer-b, webhook."), p.message());
        assertTrue(p.fix().contains("customer-b"), p.fix());
    }

    @Test
    void aStateFileFromBeforeAlertToKeepsGoingToTheDefaultDestinations() throws Exception {
        // as written before alert-to: a policy without destinations, announced at the default webhook long ago
        Files.writeString(dir.resolve(AlertStateStore.FILE_NAME), """
                {"old/qrs-about": {"failures": 3, "failing": true, "failingSince": "2025-03-01T08:00:00Z",
                  "lastFailure": %s,
                  "policy": {"failureThreshold": 1, "successThreshold": 1, "sendResolved": true,
                             "reminderIntervalMs": 1000, "rateLimitMs": 0},
                  "destinations": {"webhook": {"announced": true, "lastSentAt": "2025-03-01T08:00:00Z",
                                               "lastAnnouncedAt": "2025-03-01T08:00:00Z"}}}}
                """.formatted(AlertJson.MAPPER.writeValueAsString(Results.failed("old"))));
        AlertService service = service();
        clock.advance(java.time.Duration.ofSeconds(2));
        service.tick();
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));

        assertEquals(List.of("reminder"), receiver.bodies("/default").stream().map(b -> b.get("alert").asText()).toList());
        assertEquals(List.of(), receiver.bodies("/a/token-of-customer-a"));
        service.onResult(Results.ok("old"), null);
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
        assertEquals("resolved", receiver.bodies("/default").get(1).get("alert").asText());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
