package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
    static final Instant NOW = Instant.parse("2025-03-01T10:05:00Z");

    @TempDir
    Path home;

    @Test
    void thePackagedTextNamesEverythingAnAdminNeeds() {
        AlertTemplates.Rendered r = AlertTemplates.load(home).render(AlertKind.FAILING,
                Results.failed("prod"), "2025-03-01T10:00:00Z", "2025-03-01T09:55:00Z", NOW);
        assertEquals("[sense-probe] FAILING prod: connection-refused", r.subject());
        assertTrue(r.text().startsWith("The qrs-about check of prod fails.\n\nConnection:    prod\n"), r.text());
        for (String expected : List.of("Check:         qrs-about", "Target:        qseow sense.example.com:4242",
                "Category:      connection-refused", "Message:       Connection refused by sense.example.com:4242",
                "Hint:          Check the port", "Failing since: 2025-03-01T10:00:00Z",
                "Last OK:       2025-03-01T09:55:00Z")) {
            assertTrue(r.text().contains(expected), expected + " in\n" + r.text());
        }
    }

    @Test
    void reminderAndResolvedSayHowLong() {
        AlertTemplates t = AlertTemplates.load(home);
        AlertTemplates.Rendered reminder = t.render(AlertKind.REMINDER, Results.failed("prod"),
                "2025-03-01T04:05:00Z", null, NOW);
        assertEquals("[sense-probe] STILL FAILING prod (for 6h): connection-refused", reminder.subject());
        assertTrue(reminder.text().contains("Last OK:       never"), reminder.text());
        AlertTemplates.Rendered resolved = t.render(AlertKind.RESOLVED, Results.ok("prod"),
                "2025-03-01T10:00:00Z", NOW.toString(), NOW);
        assertEquals("[sense-probe] RESOLVED prod (failed for 5m)", resolved.subject());
        assertTrue(resolved.text().startsWith("The qrs-about check of prod works again, after failing for 5m."),
                resolved.text());
        assertFalse(resolved.text().contains("Hint:"), "no empty hint line: " + resolved.text());
    }

    @Test
    void aGroupTemplateUnderTheAppHomeGetsTheListAndTheCount() throws Exception {
        Path templates = Files.createDirectories(home.resolve("config/templates"));
        Files.writeString(templates.resolve("alert-group-subject.mustache"), "{{count}} down ({{alert}})\n");
        Files.writeString(templates.resolve("alert-group-text.mustache"),
                "{{#alerts}}{{connection}}={{category}};{{/alerts}}{{#hasMore}}+{{more}}{{/hasMore}}\n");
        AlertTemplates t = AlertTemplates.load(home);
        List<AlertMessage> entries = java.util.stream.Stream.of("a", "b", "c").map(name -> AlertMessage.single(
                AlertKind.FAILING, "2025-03-01T08:00:00Z", null, "s", "t", NOW.toString(), Results.failed(name))).toList();

        AlertTemplates.Rendered r = t.renderGroup(AlertKind.FAILING, entries, 2, java.time.Duration.ofSeconds(30), NOW);

        assertEquals("3 down (failing)", r.subject());
        assertEquals("a=connection-refused;b=connection-refused;+1", r.text());
    }

    @Test
    void aTemplateUnderTheAppHomeReplacesThePackagedOne() throws Exception {
        Path templates = Files.createDirectories(home.resolve("config/templates"));
        Files.writeString(templates.resolve("alert-subject.mustache"), "Sense down: {{connection}} ({{alert}})\n");
        Files.writeString(templates.resolve("alert-text.mustache"), "{{connection}} says {{message}} & <more>\n");
        try (RecordingReceiver receiver = new RecordingReceiver()) {
            List<String> problems = new ArrayList<>();
            AlertSettings s = AlertSettings.from(Map.of("sense.alert.group-wait", "0", "sense.alert.slack.url", receiver.url("/slack"),
                    "sense.alert.failure-threshold", "1")::get, problems);
            AlertCamel camel = new AlertCamel(s, home.resolve("out"), home, new TestClock());
            AlertService service = camel.service;
            service.onResult(Results.failed("prod", "no route"), null);
            assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
            service.stop();
            camel.close();
            var slack = receiver.bodies("/slack").get(0);
            assertEquals("Sense down: prod (failing)", slack.get("text").asText());
            assertEquals("```prod says no route &amp; &lt;more&gt;```", slack.at("/blocks/1/text/text").asText());
        }
    }
}
