package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** routes/alerts.camel.yaml as the service loads it: direct:alerts and direct:alerts-tick reach the bean. */
class AlertsRouteTest {
    static final Path ROUTE = Path.of("routes/alerts.camel.yaml");

    @TempDir
    Path dir;

    @Test
    void resultsAndTicksReachTheAlertService() throws Exception {
        assertTrue(Files.readAllLines(ROUTE).get(0).startsWith("# "), "one comment line on top");
        TestClock clock = new TestClock();
        try (RecordingReceiver receiver = new RecordingReceiver()) {
            List<String> problems = new ArrayList<>();
            AlertSettings s = AlertSettings.from(Map.of("sense.alert.webhook.url", receiver.url("/hook"), "sense.alert.group-wait", "0",
                    "sense.alert.reminder-interval", "1s")::get, problems);
            AlertCamel camel = new AlertCamel(s, dir, dir, clock);
            AlertService service = camel.service;
            assertNotNull(camel.context.getRoute("alerts"));
            assertNotNull(camel.context.getRoute("alerts-tick"));

            ProducerTemplate producer = camel.context.createProducerTemplate();
            var once = Results.definition("prod", 1, null, null, Duration.ZERO);
            producer.send("direct:alerts", e -> {
                e.getMessage().setBody(Results.failed("prod"));
                e.setProperty("senseDefinition", once);
            });
            clock.advance(Duration.ofSeconds(1));
            producer.sendBody("direct:alerts-tick", null);
            assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
            assertEquals(List.of("failing", "reminder"),
                    receiver.bodies("/hook").stream().map(b -> b.get("alert").asText()).toList());
            service.stop();
            camel.close();
        }
    }
}
