package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thresholds, resolutions, reminders, rate limit, definition overrides and restarts, seen at a real webhook. */
class AlertRulesTest extends WebhookAlertTest {
    List<String> alerts(AlertService service) {
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
        return receiver.bodies("/hook").stream().map(b -> b.get("alert").asText() + " " + b.get("connection").asText())
                .toList();
    }

    @Test
    void twoFailuresGiveOneFailingMessage() {
        AlertService service = service();
        service.onResult(Results.failed("prod"), null);
        assertEquals(List.of(), alerts(service));
        service.onResult(Results.failed("prod"), null);
        service.onResult(Results.failed("prod"), null);
        assertEquals(List.of("failing prod"), alerts(service));
    }

    @Test
    void aRemovedConnectionIsForgottenWithoutResolvedAndNotReminded() throws Exception {
        AlertService service = service("failure-threshold", "1", "reminder-interval", "200ms", "rate-limit", "0");
        service.onResult(Results.failed("prod"), null);
        service.onResult(Results.failed("test"), null);
        service.forgetUnless(connection -> !connection.equals("prod"));
        service.tick();
        clock.advance(Duration.ofMillis(300));
        service.tick();

        assertEquals(List.of("failing prod", "failing test", "reminder test"), alerts(service).stream().sorted().toList());
        assertTrue(!java.nio.file.Files.readString(dir.resolve("alert-state.json")).contains("prod"));
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        AlertService service = service();
        service.onResult(Results.failed("prod"), null);
        service.onResult(Results.ok("prod"), null);
        service.onResult(Results.failed("prod"), null);
        assertEquals(List.of(), alerts(service));
    }

    @Test
    void recoveryIsResolvedWithSinceAndLastOk() {
        AlertService service = service();
        service.onResult(Results.ok("prod"), null);
        String lastOk = clock.instant().toString();
        clock.advance(Duration.ofMinutes(1));
        // since issue 8: since is when the first failing check ran (10 s before its result got here), not now
        String since = clock.instant().minusSeconds(10).toString();
        service.onResult(Results.failedAt("prod", "refused", since), null);
        clock.advance(Duration.ofMinutes(1));
        service.onResult(Results.failedAt("prod", "refused", clock.instant().minusSeconds(10).toString()), null);
        clock.advance(Duration.ofMinutes(1));
        service.onResult(Results.ok("prod"), null);
        service.onResult(Results.ok("prod"), null);
        assertEquals(List.of("failing prod", "resolved prod"), alerts(service));
        JsonNode failing = receiver.bodies("/hook").get(0);
        assertEquals(since, failing.get("since").asText());
        assertEquals(lastOk, failing.get("lastOk").asText());
        JsonNode resolved = receiver.bodies("/hook").get(1);
        assertEquals(since, resolved.get("since").asText());
        assertEquals(clock.instant().toString(), resolved.get("lastOk").asText());
        assertEquals("ok", resolved.get("status").asText());
    }

    @Test
    void successThresholdNeedsThatManySuccessesInARow() {
        AlertService service = service("success-threshold", "2");
        service.onResult(Results.failed("prod"), null);
        service.onResult(Results.failed("prod"), null);
        service.onResult(Results.ok("prod"), null);
        service.onResult(Results.failed("prod"), null);
        service.onResult(Results.ok("prod"), null);
        assertEquals(List.of("failing prod"), alerts(service));
        service.onResult(Results.ok("prod"), null);
        assertEquals(List.of("failing prod", "resolved prod"), alerts(service));
    }

    @Test
    void sendResolvedOffSendsNoResolutionAndSaysWhy() {
        AlertService service = service("send-resolved", "false");
        try (LogCapture log = new LogCapture()) {
            service.onResult(Results.failed("prod"), null);
            service.onResult(Results.failed("prod"), null);
            service.onResult(Results.ok("prod"), null);
            assertEquals(List.of("failing prod"), alerts(service));
            assertTrue(log.text().contains("Suppressed resolved alert for connection prod (check qrs-about) to webhook:"
                    + " sense.alert.send-resolved is false"), log.text());
        }
        // the next failure is a new one and is announced again
        clock.advance(Duration.ofMinutes(10));
        service.onResult(Results.failed("prod"), null);
        service.onResult(Results.failed("prod"), null);
        assertEquals(List.of("failing prod", "failing prod"), alerts(service));
    }

    @Test
    void remindersComeEveryIntervalWhileFailing() {
        AlertService service = service("reminder-interval", "200ms", "rate-limit", "0");
        service.onResult(Results.failed("prod"), null);
        service.onResult(Results.failed("prod"), null);
        clock.advance(Duration.ofMillis(150));
        service.tick();
        assertEquals(List.of("failing prod"), alerts(service));
        clock.advance(Duration.ofMillis(50));
        service.tick();
        service.tick();
        assertEquals(List.of("failing prod", "reminder prod"), alerts(service));
        clock.advance(Duration.ofMillis(200));
        service.onResult(Results.failed("prod"), null);
        assertEquals(List.of("failing prod", "reminder prod", "reminder prod"), alerts(service));
        service.onResult(Results.ok("prod"), null);
        clock.advance(Duration.ofMillis(500));
        service.tick();
        assertEquals(List.of("failing prod", "reminder prod", "reminder prod", "resolved prod"), alerts(service));
    }

    @Test
    void reminderIntervalZeroMeansNoReminders() {
        AlertService service = service("reminder-interval", "0", "rate-limit", "0");
        service.onResult(Results.failed("prod"), null);
        service.onResult(Results.failed("prod"), null);
        clock.advance(Duration.ofDays(3));
        service.tick();
        assertEquals(List.of("failing prod"), alerts(service));
    }

    @Test
    void rateLimitHoldsBackAFailingRightAfterAResolutionAndSendsItLater() {
        AlertService service = service("failure-threshold", "1", "rate-limit", "1s");
        try (LogCapture log = new LogCapture()) {
            service.onResult(Results.failed("prod"), null);
            clock.advance(Duration.ofMillis(100));
            service.onResult(Results.ok("prod"), null);
            clock.advance(Duration.ofMillis(100));
            service.onResult(Results.failed("prod"), null);
            service.onResult(Results.failed("prod"), null);
            service.tick();
            // resolutions are never held back; the second failing is, and is logged once
            assertEquals(List.of("failing prod", "resolved prod"), alerts(service));
            List<String> suppressed = log.lines().stream().filter(l -> l.contains("Suppressed failing alert")).toList();
            assertEquals(1, suppressed.size(), log.text());
            assertTrue(suppressed.get(0).startsWith("INFO"), suppressed.get(0));
            assertTrue(suppressed.get(0).contains("connection prod (check qrs-about) to webhook: rate limit 1s"),
                    suppressed.get(0));
        }
        clock.advance(Duration.ofMillis(800));
        service.tick();
        assertEquals(List.of("failing prod", "resolved prod", "failing prod"), alerts(service));
    }

    @Test
    void rateLimitIsPerConnection() {
        AlertService service = service("failure-threshold", "1", "rate-limit", "1h");
        service.onResult(Results.failed("prod"), null);
        service.onResult(Results.failed("test"), null);
        assertEquals(List.of("failing prod", "failing test"), alerts(service));
    }

    @Test
    void definitionOverridesTheSettings() {
        AlertService service = service("reminder-interval", "0");
        var quick = Results.definition("quick", 1, 2, Duration.ofMillis(300), Duration.ZERO);
        service.onResult(Results.failed("quick"), quick);
        service.onResult(Results.failed("slow"), null);
        assertEquals(List.of("failing quick"), alerts(service));
        clock.advance(Duration.ofMillis(300));
        service.tick();
        assertEquals(List.of("failing quick", "reminder quick"), alerts(service));
        service.onResult(Results.ok("quick"), quick);
        assertEquals(List.of("failing quick", "reminder quick"), alerts(service));
        service.onResult(Results.ok("quick"), quick);
        assertEquals(List.of("failing quick", "reminder quick", "resolved quick"), alerts(service));
    }

    @Test
    void aRestartRemembersWhatWasAnnounced() throws Exception {
        AlertService before = service("reminder-interval", "1h");
        before.onResult(Results.failed("prod"), null);
        before.onResult(Results.failed("prod"), null);
        assertEquals(List.of("failing prod"), alerts(before));
        // no stop(): as after kill -9, only the files are left
        AlertService after = service("reminder-interval", "1h");
        after.onResult(Results.failed("prod"), null);
        after.onResult(Results.failed("prod"), null);
        after.tick();
        assertEquals(List.of("failing prod"), alerts(after));
        clock.advance(Duration.ofHours(1));
        after.tick();
        assertEquals(List.of("failing prod", "reminder prod"), alerts(after));
        after.onResult(Results.ok("prod"), null);
        assertEquals(List.of("failing prod", "reminder prod", "resolved prod"), alerts(after));
    }

    @Test
    void aRestartMidwayKeepsTheFailureCount() {
        AlertService before = service();
        before.onResult(Results.failed("prod"), null);
        // counters without a decision are written at the next tick (at most a tick is lost to kill -9)
        before.tick();
        AlertService after = service();
        after.onResult(Results.failed("prod"), null);
        assertEquals(List.of("failing prod"), alerts(after));
    }
}
