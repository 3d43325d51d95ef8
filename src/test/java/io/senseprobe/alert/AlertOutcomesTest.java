package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the delivery tells the metrics: each failed attempt, the message left in the spool, the send. */
class AlertOutcomesTest extends WebhookAlertTest {
    @Test
    void failedAttemptsThenTheSpoolThenTheSend() throws Exception {
        List<String> outcomes = new CopyOnWriteArrayList<>();
        receiver.answer(503);
        AlertService service = service("failure-threshold", "1", "rate-limit", "0");
        service.countOutcomes((destination, outcome) -> outcomes.add(destination + " " + outcome));
        service.onResult(Results.failed("prod"), null);
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
        assertEquals(List.of("webhook failed", "webhook failed", "webhook failed", "webhook failed", "webhook spooled"),
                outcomes, "one attempt and three retries, then the spool");

        outcomes.clear();
        receiver.answer(200);
        service.tick();
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
        assertEquals(List.of("webhook sent"), outcomes);
    }
}
