package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** sense.alert.destinations.<id>.*: read beside the default destinations; a bad one is a warning, never a stop. */
class NamedDestinationsTest {
    static final String TOKEN_URL = "https://hooks.slack.com/services/T9/B9/namedSlackToken77";

    private static AlertSettings read(Map<String, String> properties, List<String> problems, String... variables) {
        List<String> names = new ArrayList<>(properties.keySet());
        names.addAll(List.of(variables));
        return AlertSettings.from(properties::get, names, problems);
    }

    @Test
    void namedDestinationsComeAfterTheDefaultOnesWithTheirKindsKeys() {
        Map<String, String> p = new HashMap<>();
        p.put("sense.alert.webhook.url", "http://127.0.0.1:9/hook");
        p.put("sense.alert.destinations.customer-a.type", "teams");
        p.put("sense.alert.destinations.customer-a.url", "https://example.logic.azure.com/workflows/1?sig=teamsSigA");
        p.put("sense.alert.destinations.customer-a-mail.type", "email");
        p.put("sense.alert.destinations.customer-a-mail.host", "smtp.example.com");
        p.put("sense.alert.destinations.customer-a-mail.from", "probe@example.com");
        p.put("sense.alert.destinations.customer-a-mail.to", "a@customer-a.example");
        // only the environment names it (SENSE_ALERT_DESTINATIONS_OPS_CHAT_TYPE): Camel resolves the keys from it
        p.put("sense.alert.destinations.ops-chat.type", "slack");
        p.put("sense.alert.destinations.ops-chat.url", TOKEN_URL);
        List<String> problems = new ArrayList<>();
        List<String> names = new ArrayList<>(p.keySet());
        names.removeIf(k -> k.contains("ops-chat"));
        names.addAll(List.of("SENSE_ALERT_DESTINATIONS_OPS_CHAT_TYPE", "SENSE_ALERT_DESTINATIONS_OPS_CHAT_URL", "PATH"));
        AlertSettings s = AlertSettings.from(p::get, names, problems);

        assertEquals(List.of(), problems);
        assertEquals(List.of(), s.warnings());
        assertEquals(List.of("webhook", "customer-a", "customer-a-mail", "ops-chat"), s.destinationIds());
        assertEquals(List.of("webhook"), s.defaultIds());
        Destination mail = s.named().get(1);
        assertEquals("email", mail.kind());
        assertEquals(List.of("a@customer-a.example"), mail.email().to());
        assertEquals(TOKEN_URL, s.named().get(2).url());
        assertFalse(s.toString().contains("namedSlackToken77"), s.toString());
        assertFalse(s.toString().contains("teamsSigA"), s.toString());
        assertTrue(s.toString().contains("customer-a (teams) (URL masked)"), s.toString());
    }

    @Test
    void everyBadDestinationIsAWarningNamingItsKeyAndTheFix() {
        Map<String, String> p = new HashMap<>();
        p.put("sense.alert.destinations.pager.type", "pagerduty");
        p.put("sense.alert.destinations.no-url.type", "webhook");
        p.put("sense.alert.destinations.bad-url.type", "slack");
        p.put("sense.alert.destinations.bad-url.url", "hooks.slack.com/services/T1/B1/badUrlToken55");
        p.put("sense.alert.destinations.untyped.url", "http://127.0.0.1:9/x");
        p.put("sense.alert.destinations.email.type", "email");
        p.put("sense.alert.destinations.Cust_A.type", "webhook");
        p.put("sense.alert.destinations.half-mail.type", "email");
        p.put("sense.alert.destinations.half-mail.host", "smtp.example.com");
        p.put("sense.alert.destinations.ok.type", "webhook");
        p.put("sense.alert.destinations.ok.url", "http://127.0.0.1:9/ok");
        p.put("sense.alert.destinations.ok.to", "x@example.com");
        List<String> problems = new ArrayList<>();
        AlertSettings s = read(p, problems);

        assertEquals(List.of(), problems, "a named destination never stops the start");
        assertEquals(List.of("ok"), s.destinationIds());
        String all = String.join("\n", s.warnings());
        for (String expected : List.of(
                "sense.alert.destinations.pager.type = \"pagerduty\": unknown type; use email, slack, teams or webhook",
                "sense.alert.destinations.no-url.url is missing",
                "sense.alert.destinations.bad-url.url (value hidden, it may hold a token): not an http(s) URL",
                "sense.alert.destinations.untyped.type is missing",
                "\"email\" is the id of the default email destination",
                "\"Cust_A\" is not a destination id",
                "sense.alert.destinations.half-mail.from is missing",
                "sense.alert.destinations.half-mail.to is missing",
                "sense.alert.destinations.ok.to: not a key of a webhook destination")) {
            assertTrue(all.contains(expected), expected + " in:\n" + all);
        }
        assertFalse(all.contains("badUrlToken55"), all);
    }

    @Test
    void aNamedIdThatNoDefinitionNamesIsAWarning() {
        Map<String, String> p = Map.of("sense.alert.destinations.customer-a.type", "webhook",
                "sense.alert.destinations.customer-a.url", "http://127.0.0.1:9/a",
                "sense.alert.destinations.customer-b.type", "webhook",
                "sense.alert.destinations.customer-b.url", "http://127.0.0.1:9/b");
        AlertSettings s = read(p, new ArrayList<>());
        List<String> warnings = NamedDestinations.unused(s.named(), List.of(List.of("customer-a"), List.of()));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("Alert destination customer-b (sense.alert.destinations.customer-b.*) is"
                + " not named in any connection's alert-to"), warnings.get(0));
        assertEquals(Set.of("customer-a", "customer-b"), NamedDestinations.ids(p));
    }
}
