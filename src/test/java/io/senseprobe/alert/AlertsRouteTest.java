package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.sink.alert.AlertDestinations;
import io.senseprobe.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
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
        try (RecordingReceiver receiver = new RecordingReceiver();
                DefaultCamelContext camel = new DefaultCamelContext()) {
            List<String> problems = new ArrayList<>();
            AlertSettings s = AlertSettings.from(Map.of("sense.alert.webhook.url", receiver.url("/hook"),
                    "sense.alert.reminder-interval", "1s")::get, problems);
            AlertService service = new AlertService(s, AlertDestinations.from(null, s), AlertTemplates.load(dir),
                    dir, clock, WebhookAlertTest.FAST);
            camel.getRegistry().bind(AlertService.BEAN, service);
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveResource(camel, "file:" + ROUTE.toAbsolutePath()));
            camel.start();
            assertNotNull(camel.getRoute("alerts"));
            assertNotNull(camel.getRoute("alerts-tick"));

            ProducerTemplate producer = camel.createProducerTemplate();
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
        }
    }
}
