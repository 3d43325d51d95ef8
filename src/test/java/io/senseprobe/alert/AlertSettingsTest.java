package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertSettingsTest {

    @Test
    void defaultsWithEveryDestinationOff() {
        List<String> problems = new ArrayList<>();
        AlertSettings s = AlertSettings.from(key -> null, problems);
        assertEquals(List.of(), problems);
        assertEquals(AlertSettings.DEFAULTS, s);
        assertEquals(2, s.failureThreshold());
        assertEquals(1, s.successThreshold());
        assertTrue(s.sendResolved());
        assertEquals(Duration.ofHours(6), s.reminderInterval());
        assertEquals(Duration.ofMinutes(5), s.rateLimit());
        assertEquals(List.of(), s.destinationIds());
    }

    @Test
    void everyKeyIsRead() {
        List<String> problems = new ArrayList<>();
        AlertSettings s = AlertSettings.from(Map.ofEntries(
                Map.entry("sense.alert.failure-threshold", "3"),
                Map.entry("sense.alert.success-threshold", "2"),
                Map.entry("sense.alert.send-resolved", "false"),
                Map.entry("sense.alert.reminder-interval", "0"),
                Map.entry("sense.alert.rate-limit", "500ms"),
                Map.entry("sense.alert.email.host", "smtp.example.com"),
                Map.entry("sense.alert.email.port", "587"),
                Map.entry("sense.alert.email.from", "probe@example.com"),
                Map.entry("sense.alert.email.to", "a@example.com, b@example.com"),
                Map.entry("sense.alert.email.username", "probe"),
                Map.entry("sense.alert.email.password", "smtp-Pa55word"),
                Map.entry("sense.alert.email.starttls", "true"),
                Map.entry("sense.alert.slack.url", "https://hooks.slack.com/services/T1/B2/xyzSlackToken"),
                Map.entry("sense.alert.teams.url", "https://example.logic.azure.com/workflows/1?sig=teamsSig"),
                Map.entry("sense.alert.webhook.url", "http://127.0.0.1:9/hook"),
                Map.entry("sense.alert.group-wait", "10s"),
                Map.entry("sense.alert.group-max", "5"))::get, problems);
        assertEquals(List.of(), problems);
        assertEquals(Duration.ofSeconds(10), s.groupWait());
        assertEquals(5, s.groupMax());
        assertEquals(3, s.failureThreshold());
        assertEquals(2, s.successThreshold());
        assertFalse(s.sendResolved());
        assertEquals(Duration.ZERO, s.reminderInterval());
        assertEquals(Duration.ofMillis(500), s.rateLimit());
        assertEquals(new AlertSettings.Email("smtp.example.com", 587, "probe@example.com",
                List.of("a@example.com", "b@example.com"), "probe", "smtp-Pa55word", true), s.email());
        assertEquals(List.of("email", "slack", "teams", "webhook"), s.destinationIds());
        String text = s.toString();
        for (String secret : List.of("smtp-Pa55word", "xyzSlackToken", "teamsSig", "/hook")) {
            assertFalse(text.contains(secret), text);
        }
        // the start-up log's summary is words, not a record dump (issue 8: "email=null" beside "off")
        assertEquals("to email (smtp.example.com:587 from probe@example.com to a@example.com, b@example.com, user probe,"
                + " password ***, STARTTLS), slack (URL masked), teams (URL masked), webhook (URL masked); a failing alert"
                + " after 3 failed checks in a row, resolved after 2 ok (no resolved message); no reminders; at most one"
                + " message per connection and destination every 500ms; failures and resolutions within 10s go out as one"
                + " message per destination (at most 5 lines).", text);
    }

    @Test
    void everyProblemIsCollectedWithoutSecrets() {
        List<String> problems = new ArrayList<>();
        AlertSettings s = AlertSettings.from(Map.of(
                "sense.alert.failure-threshold", "0",
                "sense.alert.send-resolved", "yes",
                "sense.alert.rate-limit", "5 minutes",
                "sense.alert.email.host", "smtp.example.com",
                "sense.alert.email.port", "99999",
                "sense.alert.email.to", "ops@example.com, not an address",
                "sense.alert.email.password", "hunter2-secret",
                "sense.alert.slack.url", "hooks.slack.com/services/T1/B2/secretToken")::get, problems);
        String all = String.join("\n", problems);
        assertEquals(8, problems.size(), all);
        assertTrue(problems.get(0).startsWith("sense.alert.failure-threshold = \"0\": "), all);
        assertTrue(all.contains("sense.alert.send-resolved = \"yes\": not true or false"), all);
        assertTrue(all.contains("sense.alert.rate-limit = \"5 minutes\": not a duration; write e.g. 500ms"), all);
        assertTrue(all.contains("sense.alert.email.port = \"99999\""), all);
        assertTrue(all.contains("sense.alert.email.from is missing"), all);
        assertTrue(all.contains("\"not an address\""), all);
        assertTrue(all.contains("sense.alert.email.password is set but sense.alert.email.username is not"), all);
        assertTrue(all.contains("sense.alert.slack.url (value hidden"), all);
        assertFalse(all.contains("hunter2-secret") || all.contains("secretToken"), all);
        // bad values fall back to the defaults; a bad URL leaves its destination off
        assertEquals(2, s.failureThreshold());
        assertNull(s.slackUrl());
        assertEquals(List.of("ops@example.com"), s.email().to());
    }
}
