package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.result.CertificateInfo;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.CredentialInfo;
import io.senseprobe.result.ExpiryWarnings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code expiring} alerts at a real webhook: once per warn-days threshold and item, kept across a restart of the
 * alert state, outside the failure counts and the rate limit.
 */
class ExpiryAlertsTest extends WebhookAlertTest {
    private static final String CLIENT_END = "2025-03-11T09:00:00Z";

    /** An OK check of {@code connection} whose client certificate has {@code daysLeft}, as the check would warn. */
    static CheckResult expiring(String connection, long daysLeft, CredentialInfo... credentials) {
        CheckResult ok = Results.ok(connection);
        CheckResult withDates = new CheckResult(ok.connection(), ok.check(), ok.target(), ok.host(), ok.port(),
                ok.authType(), ok.status(), ok.category(), ok.message(), ok.hint(), ok.checkedAt(), ok.durationMs(),
                ok.sense(), List.of(new CertificateInfo(CertificateInfo.CLIENT, "CN=QlikClient", CLIENT_END, daysLeft,
                        List.of())), List.of(credentials));
        return ExpiryWarnings.DEFAULT.apply(withDates);
    }

    private List<String> alerts(AlertService service) {
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
        return receiver.bodies("/hook").stream().map(b -> b.get("alert").asText() + " " + b.get("message").asText())
                .toList();
    }

    @Test
    void oncePerThresholdAndItemAcrossARestart() {
        AlertService first = service();
        first.onResult(expiring("prod", 20), null);
        first.onResult(expiring("prod", 19), null);
        assertEquals(List.of("expiring The client certificate CN=QlikClient expires on 2025-03-11 09:00 UTC (20 days left)."),
                alerts(first));
        JsonNode body = receiver.bodies("/hook").get(0);
        assertEquals("warning", body.get("status").asText());
        assertEquals("expiring", body.get("category").asText());
        assertEquals("client", body.get("certificates").get(0).get("role").asText());
        camels.remove(0).close();

        AlertService restarted = service();
        restarted.onResult(expiring("prod", 18), null);
        restarted.onResult(expiring("prod", 13), null);
        restarted.onResult(expiring("prod", 12), null);
        restarted.onResult(expiring("prod", 0), null);
        assertEquals(List.of("expiring", "expiring", "expiring"),
                alerts(restarted).stream().map(a -> a.split(" ")[0]).toList(), "30, then 14, then 1: " + alerts(restarted));
        assertTrue(alerts(restarted).get(2).endsWith("(less than a day left)."), alerts(restarted).toString());
    }

    @Test
    void everyItemInsideAThresholdIsAnnouncedOnItsOwn() {
        AlertService service = service();
        service.onResult(expiring("prod", 25, new CredentialInfo(CredentialInfo.JWT, "2025-03-06T09:00:00Z", 5)), null);
        List<String> alerts = alerts(service);

        assertEquals(2, alerts.size(), alerts.toString());
        assertTrue(alerts.get(0).startsWith("expiring The JWT expires on 2025-03-06"), alerts.toString());
        assertTrue(alerts.get(1).startsWith("expiring The client certificate"), alerts.toString());
    }

    @Test
    void aWarningIsNeverAFailureAndNeverHoldsBackAFailingAlert() {
        AlertService service = service("failure-threshold", "2", "rate-limit", "1h");
        service.onResult(Results.failed("prod"), null);
        service.onResult(expiring("prod", 10), null);
        service.onResult(Results.failed("prod"), null);
        assertEquals(List.of("expiring"), alerts(service).stream().map(a -> a.split(" ")[0]).toList(),
                "the warning broke the run of failures");

        clock.advance(Duration.ofSeconds(1));
        service.onResult(Results.failed("prod"), null);
        assertEquals(List.of("expiring", "failing"), alerts(service).stream().map(a -> a.split(" ")[0]).toList(),
                "the failing alert goes out at once: the expiring one does not count for the rate limit");
    }

    @Test
    void aRenewedCertificateStartsAfresh() {
        AlertService service = service();
        service.onResult(expiring("prod", 5), null);
        service.onResult(Results.ok("prod"), null);
        service.onResult(expiring("prod", 5), null);
        assertEquals(2, alerts(service).size(), "the item left the thresholds in between: " + alerts(service));
    }
}
