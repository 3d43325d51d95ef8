package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.definition.Definition;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Maintenance windows and silences at a real webhook: nothing inside, the held-back failing once at the window's
 * end (also after a restart from alert-state.json), nothing when the check recovered inside.
 */
class MaintenanceAlertsTest extends WebhookAlertTest {
    // the test clock starts at 2025-03-01T08:00:00Z: this window is 08:00Z-09:00Z
    private static final String WINDOW = "2025-03-01T09:00+01:00/2025-03-01T10:00+01:00";

    List<String> alerts(AlertService service) {
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
        return receiver.bodies("/hook").stream().map(b -> b.get("alert").asText() + " " + b.get("connection").asText())
                .toList();
    }

    private AlertService serviceWith(Map<String, Definition> definitions, List<String> serviceWide) {
        AlertService service = service("failure-threshold", "2", "rate-limit", "0");
        service.holdWith(new Suppression(serviceWide.stream().flatMap(w -> io.senseprobe.definition.MaintenanceWindow
                .parseList(w).stream()).toList(), new SilenceFile(dir), () -> definitions), () -> definitions);
        return service;
    }

    @Test
    void aFailureThatRecoversInsideTheWindowSendsNothing() {
        Definition prod = Holds.definition("prod", null, WINDOW);
        AlertService service = serviceWith(Holds.byName(prod), List.of());
        try (LogCapture log = new LogCapture()) {
            service.onResult(Results.failed("prod"), prod);
            service.onResult(Results.failed("prod"), prod);
            service.onResult(Results.failed("prod"), prod);
            service.tick();
            clock.advance(Duration.ofMinutes(30));
            service.onResult(Results.ok("prod"), prod);
            clock.advance(Duration.ofHours(1));
            service.tick();
            service.onResult(Results.ok("prod"), prod);
            assertEquals(List.of(), alerts(service));
            assertEquals(1, log.lines().stream().filter(l -> l.contains("Held back failing alert for connection prod")).count(),
                    log.lines().toString());
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("recovered while its failing alert")));
        }
    }

    @Test
    void aFailureAcrossTheWindowsEndIsAlertedOnceAtTheEnd() {
        Definition prod = Holds.definition("prod", null, WINDOW);
        AlertService service = serviceWith(Holds.byName(prod), List.of());
        service.onResult(Results.failed("prod"), prod);
        service.onResult(Results.failed("prod"), prod);
        clock.advance(Duration.ofMinutes(59));
        service.tick();
        assertEquals(List.of(), alerts(service));
        clock.advance(Duration.ofMinutes(1));
        service.tick();
        service.tick();
        service.onResult(Results.failed("prod"), prod);
        assertEquals(List.of("failing prod"), alerts(service));
    }

    @Test
    void theHeldBackFailingSurvivesARestartAndGoesOutOnceAtTheWindowsEnd() throws Exception {
        Definition prod = Holds.definition("prod", null, WINDOW);
        AlertService first = serviceWith(Holds.byName(prod), List.of());
        first.onResult(Results.failed("prod"), prod);
        first.onResult(Results.failed("prod"), prod);
        // written at once, not at the next tick: a kill -9 now keeps it
        assertTrue(Files.readString(dir.resolve("alert-state.json")).contains("\"held\" : true")
                || Files.readString(dir.resolve("alert-state.json")).contains("\"held\":true"));
        AlertService second = serviceWith(Holds.byName(prod), List.of());
        second.tick();
        assertEquals(List.of(), alerts(second));
        clock.advance(Duration.ofHours(1));
        second.tick();
        second.tick();
        assertEquals(List.of("failing prod"), alerts(second));
    }

    @Test
    void aServiceWideWindowHoldsEveryConnection() {
        AlertService service = serviceWith(Map.of(), List.of(WINDOW));
        service.onResult(Results.failed("a"), null);
        service.onResult(Results.failed("a"), null);
        service.onResult(Results.failed("b"), null);
        service.onResult(Results.failed("b"), null);
        assertEquals(List.of(), alerts(service));
        clock.advance(Duration.ofHours(1));
        service.tick();
        assertEquals(List.of("failing a", "failing b"), alerts(service).stream().sorted().toList());
    }

    @Test
    void aSilenceAddedWhileRunningHoldsAtTheNextTickUntilItEnds() throws Exception {
        AlertService service = serviceWith(Map.of(), List.of());
        service.onResult(Results.failed("prod-1"), null);
        service.tick();
        Instant until = clock.instant().plus(Duration.ofHours(2));
        new SilenceFile(dir).write(List.of(new Silence("s1", null, "prod-*", until.toString(), "db upgrade",
                clock.instant().toString())));
        service.tick();
        service.onResult(Results.failed("prod-1"), null);
        service.onResult(Results.failed("test-1"), null);
        service.onResult(Results.failed("test-1"), null);
        assertEquals(List.of("failing test-1"), alerts(service));
        clock.advance(Duration.ofHours(2));
        service.tick();
        assertEquals(List.of("failing test-1", "failing prod-1"), alerts(service));
    }
}
