package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.senseprobe.testing.TestClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * sense.alert.group-wait: 25 connections failing together are one message per destination (webhook, Slack, Teams,
 * e-mail to GreenMail, and a named webhook), with the count of those past group-max; a single failure still comes
 * alone after the wait; resolutions are grouped the same way. The wait is the injectable clock's.
 */
class GroupingTest {
    static final String HOOK = "/hook";
    static final String SLACK = "/slack";
    static final String TEAMS = "/teams";
    static final String NAMED = "/named";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    RecordingReceiver receiver;
    AlertCamel camel;
    AlertService service;
    final TestClock clock = new TestClock();

    @BeforeEach
    void start() throws Exception {
        receiver = new RecordingReceiver();
        Map<String, String> p = new HashMap<>();
        p.put("sense.alert.failure-threshold", "1");
        p.put("sense.alert.rate-limit", "0");
        p.put("sense.alert.webhook.url", receiver.url(HOOK));
        p.put("sense.alert.slack.url", receiver.url(SLACK));
        p.put("sense.alert.teams.url", receiver.url(TEAMS));
        p.put("sense.alert.email.host", "127.0.0.1");
        p.put("sense.alert.email.port", String.valueOf(greenMail.getSmtp().getPort()));
        p.put("sense.alert.email.from", "probe@example.com");
        p.put("sense.alert.email.to", "ops@example.com");
        p.put("sense.alert.destinations.proxy-team.type", "webhook");
        p.put("sense.alert.destinations.proxy-team.url", receiver.url(NAMED));
        List<String> problems = new ArrayList<>();
        AlertSettings s = AlertSettings.from(p::get, p.keySet(), problems);
        assertEquals(List.of(), problems);
        assertEquals(Duration.ofSeconds(30), s.groupWait(), "the default wait");
        camel = new AlertCamel(s, dir, dir, clock);
        service = camel.service;
    }

    @AfterEach
    void stop() {
        service.stop();
        camel.close();
        receiver.close();
    }

    private static final List<String> ALL = List.of("email", "webhook", "slack", "teams", "proxy-team");

    private static io.senseprobe.definition.Definition everywhere(String name) {
        return Results.routedTo(name, ALL);
    }

    /** Each of {@code names} fails (or works) once, a second apart, as a sweep behind a dead proxy would. */
    private void results(List<String> names, boolean failed) {
        for (String name : names) {
            service.onResult(failed ? Results.failed(name) : Results.ok(name), everywhere(name));
            clock.advance(Duration.ofMillis(200));
        }
    }

    private void tickAfter(Duration d) {
        clock.advance(d);
        service.tick();
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
    }

    private int received() {
        return receiver.bodies(HOOK).size() + receiver.bodies(SLACK).size() + receiver.bodies(TEAMS).size()
                + receiver.bodies(NAMED).size() + greenMail.getReceivedMessages().length;
    }

    @Test
    void twentyFiveFailuresAreOneMessagePerDestinationWithTheCountLine() throws Exception {
        // named so that the sorted order differs from the order they fail in
        List<String> names = IntStream.rangeClosed(1, 25).mapToObj(i -> String.format("site-%02d", 26 - i)).toList();
        results(names, true);
        tickAfter(Duration.ofSeconds(20));
        assertEquals(0, received(), "nothing before the oldest failure is group-wait old");

        tickAfter(Duration.ofSeconds(5));
        assertTrue(greenMail.waitForIncomingEmail(5000, 1));
        for (String path : List.of(HOOK, NAMED)) {
            List<JsonNode> bodies = receiver.bodies(path);
            assertEquals(1, bodies.size(), path);
            JsonNode hook = bodies.get(0);
            assertEquals("failing", hook.get("alert").asText());
            assertEquals(25, hook.get("count").asInt());
            assertEquals(25, hook.get("alerts").size(), "every connection, also past group-max");
            assertEquals("site-01", hook.at("/alerts/0/connection").asText(), "sorted");
            assertEquals("site-25", hook.at("/alerts/24/connection").asText());
            assertEquals("failing", hook.at("/alerts/0/alert").asText());
            assertEquals("connection-refused", hook.at("/alerts/0/category").asText());
        }

        List<JsonNode> slack = receiver.bodies(SLACK);
        assertEquals(1, slack.size());
        assertEquals("[sense-probe] 25 connections failing", slack.get(0).get("text").asText());
        String section = slack.get(0).at("/blocks/1/text/text").asText();
        assertTrue(section.contains("- site-01 (qrs-about): connection-refused: Connection refused by sense.example.com:4242"
                + " (failing since 2025-03-01T08:00:00Z)"), section);
        assertTrue(section.contains("- site-20 "), section);
        assertTrue(!section.contains("- site-21 "), "group-max (20) lines: " + section);
        assertTrue(section.contains("... and 5 more (of 25)."), section);
        assertEquals("25 connections failing", slack.get(0).at("/blocks/2/elements/0/text").asText());

        List<JsonNode> teams = receiver.bodies(TEAMS);
        assertEquals(1, teams.size());
        JsonNode card = teams.get(0).at("/attachments/0/content/body");
        assertEquals("[sense-probe] 25 connections failing", card.get(0).get("text").asText());
        assertTrue(card.toString().contains("... and 5 more (of 25)."), card.toString());

        MimeMessage[] mails = greenMail.getReceivedMessages();
        assertEquals(1, mails.length);
        assertEquals("[sense-probe] 25 connections failing", mails[0].getSubject());
        String text = GreenMailUtil.getBody(mails[0]).replace("\r\n", "\n");
        assertEquals(20, text.lines().filter(l -> l.startsWith("- site-")).count(), text);
        assertTrue(text.startsWith("25 connections started failing within 30s:"), text);
        assertTrue(text.contains("... and 5 more (of 25)."), text);

        // and the resolutions, grouped the same way
        results(names, false);
        tickAfter(Duration.ofSeconds(30));
        List<JsonNode> resolved = receiver.bodies(HOOK);
        assertEquals(2, resolved.size());
        assertEquals("resolved", resolved.get(1).get("alert").asText());
        assertEquals(25, resolved.get(1).get("alerts").size());
        assertEquals("[sense-probe] 25 connections resolved", receiver.bodies(SLACK).get(1).get("text").asText());
        assertEquals(2, receiver.bodies(NAMED).size());
        assertTrue(greenMail.waitForIncomingEmail(5000, 2));
        assertEquals(10, received(), "one failing and one resolved message per destination");
    }

    @Test
    void aSingleFailureStillArrivesOnItsOwnAfterTheWait() throws Exception {
        results(List.of("prod"), true);
        tickAfter(Duration.ofSeconds(29));
        assertEquals(0, received());

        tickAfter(Duration.ofSeconds(1));
        List<JsonNode> hook = receiver.bodies(HOOK);
        assertEquals(1, hook.size());
        assertEquals("prod", hook.get(0).get("connection").asText(), "the single message's own form");
        assertEquals("failing", hook.get(0).get("alert").asText());
        assertEquals("[sense-probe] FAILING prod: connection-refused", receiver.bodies(SLACK).get(0).get("text").asText());
        assertTrue(greenMail.waitForIncomingEmail(5000, 1));
        assertEquals("[sense-probe] FAILING prod: connection-refused", greenMail.getReceivedMessages()[0].getSubject());

        // a failure decided after the group went out starts a group of its own
        results(List.of("prod-2"), true);
        tickAfter(Duration.ofSeconds(30));
        assertEquals("prod-2", receiver.bodies(HOOK).get(1).get("connection").asText());
    }

    @Test
    void messagesWaitingForTheirGroupSurviveARestart() throws Exception {
        results(List.of("a", "b"), true);
        service.stop();
        camel.close();
        List<String> problems = new ArrayList<>();
        AlertSettings s = AlertSettings.from(Map.of("sense.alert.webhook.url", receiver.url(HOOK))::get, problems);
        camel = new AlertCamel(s, dir, dir, clock);
        service = camel.service;
        tickAfter(Duration.ofSeconds(30));
        List<JsonNode> hook = receiver.bodies(HOOK);
        assertEquals(1, hook.size());
        assertEquals(2, hook.get(0).get("count").asInt());
    }
}
