package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.testing.TestClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Slack, Teams and a generic webhook receive, read back with Jackson from a real HTTP receiver. */
class PayloadShapesTest {
    static final String SLACK = "/services/T0001/B0002/slackTokenAbc123";
    static final String TEAMS = "/workflows/abc/triggers/manual/paths/invoke";
    static final String HOOK = "/hook";

    @TempDir
    Path dir;
    RecordingReceiver receiver;
    AlertCamel camel;
    AlertService service;

    @BeforeEach
    void start() throws Exception {
        receiver = new RecordingReceiver();
        List<String> problems = new ArrayList<>();
        AlertSettings s = AlertSettings.from(Map.of("sense.alert.group-wait", "0",
                "sense.alert.slack.url", receiver.url(SLACK),
                "sense.alert.teams.url", receiver.url(TEAMS) + "?sig=teamsSig456",
                "sense.alert.webhook.url", receiver.url(HOOK))::get, problems);
        assertEquals(List.of(), problems);
        camel = new AlertCamel(s, dir, dir, new TestClock());
        service = camel.service;
        service.onResult(Results.failed("prod", "Connection refused <by> sense & co"), null);
        service.onResult(Results.failed("prod", "Connection refused <by> sense & co"), null);
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
    }

    @AfterEach
    void stop() {
        service.stop();
        camel.close();
        receiver.close();
    }

    @Test
    void slackGetsTextAndBlocks() {
        List<JsonNode> bodies = receiver.bodies(SLACK);
        assertEquals(1, bodies.size());
        JsonNode slack = bodies.get(0);
        assertEquals("[sense-probe] FAILING prod: connection-refused", slack.get("text").asText());
        assertEquals("header", slack.at("/blocks/0/type").asText());
        assertEquals("plain_text", slack.at("/blocks/0/text/type").asText());
        assertEquals("section", slack.at("/blocks/1/type").asText());
        assertEquals("mrkdwn", slack.at("/blocks/1/text/type").asText());
        String section = slack.at("/blocks/1/text/text").asText();
        assertTrue(section.contains("Connection refused &lt;by&gt; sense &amp; co"), section);
        assertTrue(section.contains("Hint:"), section);
    }

    @Test
    void teamsGetsAnAdaptiveCardOfTextBlocks() {
        List<JsonNode> bodies = receiver.bodies(TEAMS);
        assertEquals(1, bodies.size());
        JsonNode teams = bodies.get(0);
        assertEquals("message", teams.get("type").asText());
        assertEquals(1, teams.get("attachments").size());
        JsonNode attachment = teams.at("/attachments/0");
        assertEquals("application/vnd.microsoft.card.adaptive", attachment.get("contentType").asText());
        JsonNode card = attachment.get("content");
        assertEquals("AdaptiveCard", card.get("type").asText());
        assertEquals("1.4", card.get("version").asText());
        assertTrue(card.get("body").size() > 3);
        card.get("body").forEach(block -> assertEquals("TextBlock", block.get("type").asText()));
        assertEquals("[sense-probe] FAILING prod: connection-refused", card.at("/body/0/text").asText());
        assertTrue(card.get("body").toString().contains("Connection refused <by> sense & co"));
    }

    @Test
    void theWebhookGetsTheResultWithTheAlertFieldsOnTop() {
        List<JsonNode> bodies = receiver.bodies(HOOK);
        assertEquals(1, bodies.size());
        JsonNode hook = bodies.get(0);
        assertEquals("prod", hook.get("connection").asText());
        assertEquals("qrs-about", hook.get("check").asText());
        assertEquals("qseow", hook.get("target").asText());
        assertEquals("failed", hook.get("status").asText());
        assertEquals("connection-refused", hook.get("category").asText());
        assertEquals("Connection refused <by> sense & co", hook.get("message").asText());
        assertTrue(hook.hasNonNull("hint"));
        assertEquals("failing", hook.get("alert").asText());
        assertEquals("2025-03-01T08:00:00Z", hook.get("since").asText());
        assertTrue(hook.has("lastOk") && hook.get("lastOk").isNull(), "no OK seen yet: null");
    }
}
