package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.TestFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A receiver that is down: retries, the spool, and the replay in order once it is back. */
class DeliveryAndSpoolTest extends WebhookAlertTest {
    /** A service for the webhook that alerts on the first failure, with rate-limit 0. */
    AlertService service() {
        return service("failure-threshold", "1", "rate-limit", "0");
    }

    List<String> spooled() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(AlertSpool.DIR))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    void settle(AlertService service) {
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
    }

    @Test
    void aFailedSendIsRetriedThreeTimesThenSpooledAndReplayedInOrderOnce() throws Exception {
        receiver.answer(503);
        AlertService service = service();
        service.onResult(Results.failed("prod"), null);
        settle(service);
        assertEquals(4, receiver.requests("/hook").size(), "one attempt and three retries");
        assertEquals(List.of("000000000001-webhook.json"), spooled());
        JsonNode file = AlertJson.MAPPER.readTree(dir.resolve(AlertSpool.DIR).resolve("000000000001-webhook.json").toFile());
        assertEquals("webhook", file.get("destination").asText());
        assertEquals("failing", file.get("message").get("kind").asText());

        // queued behind the first, never sent before it: the drain it starts tries the oldest once and stops
        service.onResult(Results.ok("prod"), null);
        settle(service);
        assertEquals(5, receiver.requests("/hook").size());
        assertEquals("failing", receiver.requests("/hook").get(4).json().get("alert").asText());
        assertEquals(List.of("000000000001-webhook.json", "000000000002-webhook.json"), spooled());

        service.tick();
        settle(service);
        assertEquals(6, receiver.requests("/hook").size(), "a replay tries the oldest message once");

        receiver.answer(200);
        service.tick();
        settle(service);
        service.tick();
        settle(service);
        assertEquals(List.of("failing", "resolved"),
                receiver.bodies("/hook").stream().map(b -> b.get("alert").asText()).toList());
        assertEquals(List.of(), spooled());
    }

    @Test
    void theSpoolIsReplayedAtStart() throws Exception {
        receiver.answer(500);
        AlertService before = service();
        before.onResult(Results.failed("prod"), null);
        before.onResult(Results.failed("test"), null);
        settle(before);
        before.stop();
        assertEquals(2, spooled().size());

        receiver.answer(200);
        AlertService after = service();
        after.start();
        settle(after);
        assertEquals(List.of("prod", "test"),
                receiver.bodies("/hook").stream().map(b -> b.get("connection").asText()).toList());
        assertEquals(List.of(), spooled());
        // numbering goes on after the highest file, so new messages sort after old ones
        receiver.answer(500);
        after.onResult(Results.ok("prod"), null);
        settle(after);
        assertEquals(List.of("000000000003-webhook.json"), spooled());
    }

    @Test
    void anAnswerWithoutEndFailsTheAttemptAtOneMebibyteAndTheMessageIsKeptForTheReplay() throws Exception {
        receiver.answerWithoutEnd(true);
        AlertService service = service();
        try (LogCapture log = new LogCapture()) {
            service.onResult(Results.failed("prod"), null);
            settle(service);
            assertEquals(4, receiver.requests("/hook").size(), "each attempt ended at the limit and was retried");
            assertEquals(List.of("000000000001-webhook.json"), spooled());
            assertTrue(log.text().contains("The answer to the alert POST is larger than 1 MiB"), log.text());
            assertTrue(!log.text().contains(receiver.url("/hook")), "the URL is not in the log");
        }
        receiver.answerWithoutEnd(false);
        service.tick();
        settle(service);
        assertEquals(List.of("failing"), receiver.bodies("/hook").stream().map(b -> b.get("alert").asText()).toList());
        assertEquals(List.of(), spooled());
    }

    @Test
    void aReceiverThatIsNotListeningCountsAsDown() throws Exception {
        String url = receiver.url("/hook");
        receiver.close();
        List<String> problems = new ArrayList<>();
        AlertSettings s = AlertSettings.from(Map.of("sense.alert.group-wait", "0", "sense.alert.webhook.url", url,
                "sense.alert.failure-threshold", "1")::get, problems);
        AlertCamel camel = new AlertCamel(s, dir, dir, clock);
        camels.add(camel);
        AlertService service = camel.service;
        try (LogCapture log = new LogCapture()) {
            service.onResult(Results.failed("prod"), null);
            settle(service);
            assertEquals(1, spooled().size());
            assertTrue(log.text().contains("(attempt 4 of 4)"), log.text());
            assertTrue(log.text().contains("is kept in"), log.text());
        }
    }

    @Test
    void anAlertTheSpoolCannotTakeIsKeptInMemoryAndSentWhenTheReceiverIsBack() throws Exception {
        receiver.answer(503);
        AlertService service = service();
        // a file where the spool folder should be: no message file can be written
        TestFolders.replaceWithFile(dir.resolve(AlertSpool.DIR));
        try (LogCapture log = new LogCapture()) {
            service.onResult(Results.failed("prod"), null);
            settle(service);
            assertTrue(log.text().contains("it is kept in memory until it is sent"), log.text());
            assertEquals(1, receiver.requests("/hook").size(), "tried once");

            receiver.answer(200);
            service.tick();
            settle(service);
            service.tick();
            settle(service);
            assertEquals(List.of("failing"), receiver.bodies("/hook").stream().map(b -> b.get("alert").asText())
                    .toList(), () -> "sent once when the receiver is back, and only once:\n" + log.text());
        }
    }
}
