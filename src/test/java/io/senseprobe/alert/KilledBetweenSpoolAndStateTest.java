package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.result.CheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A run killed after it spooled a decision and before it wrote alert-state.json (the two writes of every decision,
 * spool first): the next run finds the message in the spool, sends it once, and does not decide it a second time.
 * The kill is reproduced exactly: the first run's Camel context is stopped, and alert-state.json is put back to what
 * it held before the decision.
 */
class KilledBetweenSpoolAndStateTest extends WebhookAlertTest {
    private static final String[] SETTINGS = {"failure-threshold", "1", "rate-limit", "0"};

    private Path stateFile() {
        return dir.resolve(AlertStateStore.FILE_NAME);
    }

    /** alert-state.json as a tick leaves it; the clock then moves on, as it does between two results. */
    private byte[] stateNow(AlertService service) throws IOException {
        service.tick();
        settle(service);
        clock.advance(Duration.ofSeconds(1));
        return Files.readAllBytes(stateFile());
    }

    private void killBetweenSpoolAndState(byte[] stateBefore) throws IOException {
        camels.remove(0).close();
        Files.write(stateFile(), stateBefore);
    }

    private static void settle(AlertService service) {
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
    }

    /**
     * A first run, receiver down, that saw {@code before} and then decided on {@code decided}, killed after the spool
     * file and before the state write; returns the second run on the same folder, receiver up.
     */
    private AlertService restartAfterAKillDeciding(CheckResult before, CheckResult decided) throws IOException {
        receiver.answer(503);
        AlertService first = service(SETTINGS);
        first.onResult(before, null);
        byte[] state = stateNow(first);
        first.onResult(decided, null);
        settle(first);
        killBetweenSpoolAndState(state);
        receiver.answer(200);
        return service(SETTINGS);
    }

    private List<String> received() {
        return receiver.bodies("/hook").stream().map(b -> b.path("alert").asText() + " " + b.path("connection").asText())
                .toList();
    }

    @Test
    void aFailingMessageLeftInTheSpoolGoesOutOnceAndIsNotDecidedAgain() throws Exception {
        AlertService second = restartAfterAKillDeciding(Results.ok("prod"), Results.failed("prod"));
        second.onResult(Results.failed("prod"), null);
        second.tick();
        settle(second);
        second.onResult(Results.failed("prod"), null);
        second.tick();
        settle(second);
        assertEquals(List.of("failing prod"), received(), "the spooled message once, no second decision");

        second.onResult(Results.ok("prod"), null);
        settle(second);
        assertEquals(List.of("failing prod", "resolved prod"), received(), "and its resolution, since it was announced");
    }

    @Test
    void aNewConnectionsFirstFailureLeftInTheSpoolIsRecordedToo() throws Exception {
        AlertService second = restartAfterAKillDeciding(Results.ok("prod"), Results.failed("new-site"));
        second.onResult(Results.failed("new-site"), null);
        second.tick();
        settle(second);
        assertEquals(List.of("failing new-site"), received());
    }

    @Test
    void aResolvedMessageLeftInTheSpoolGoesOutOnceAndIsNotDecidedAgain() throws Exception {
        AlertService second = restartAfterAKillDeciding(Results.failed("prod"), Results.ok("prod"));
        second.onResult(Results.ok("prod"), null);
        second.tick();
        settle(second);
        assertEquals(List.of("failing prod", "resolved prod"), received(), "failing and one resolution, both from the spool");

        second.onResult(Results.failed("prod"), null);
        settle(second);
        assertEquals(List.of("failing prod", "resolved prod", "failing prod"), received(),
                "a new failure afterwards is a new incident");
    }

    @Test
    void anExpiringWarningLeftInTheSpoolGoesOutOnceAndIsNotDecidedAgain() throws Exception {
        AlertService second = restartAfterAKillDeciding(Results.ok("prod"), ExpiryAlertsTest.expiring("prod", 20));
        second.onResult(ExpiryAlertsTest.expiring("prod", 19), null);
        second.tick();
        settle(second);
        assertEquals(List.of("expiring prod"), received(), "once per threshold, the one from the spool");
        second.onResult(ExpiryAlertsTest.expiring("prod", 13), null);
        settle(second);
        assertEquals(List.of("expiring prod", "expiring prod"), received(), "the next threshold still comes");
    }

    @Test
    void oldMessagesInTheSpoolDoNotUndoWhatTheStateKnowsSince() throws Exception {
        // the receiver is down through a failure, its resolution and one more failed check (of two needed): the
        // spool holds failing and resolved, the state is newer than both (it counts that one failure)
        String[] twoFailures = {"failure-threshold", "2", "rate-limit", "0"};
        receiver.answer(503);
        AlertService first = service(twoFailures);
        first.onResult(Results.failed("prod"), null);
        first.onResult(Results.failed("prod"), null);
        clock.advance(Duration.ofSeconds(1));
        first.onResult(Results.ok("prod"), null);
        clock.advance(Duration.ofSeconds(1));
        first.onResult(Results.failed("prod"), null);
        settle(first);
        first.stop();
        camels.remove(0).close();

        receiver.answer(200);
        AlertService second = service(twoFailures);
        second.tick();
        settle(second);
        second.tick();
        settle(second);
        assertEquals(List.of("failing prod", "resolved prod"), received(), "the spool, in order");
        second.onResult(Results.failed("prod"), null);
        settle(second);
        assertEquals(List.of("failing prod", "resolved prod", "failing prod"), received(),
                "the second failure in a row: the count the state kept was not reset by the old messages");
    }

    @Test
    void aKillBetweenTwoDestinationsResolvedFilesStillResolvesTheOther() throws Exception {
        String[] twoDestinations = {"failure-threshold", "1", "rate-limit", "0", "destinations.ops.type", "webhook",
                "destinations.ops.url", receiver.url("/ops")};
        var prod = Results.routedTo("prod", List.of("webhook", "ops"));
        AlertService first = service(twoDestinations);
        first.onResult(Results.failed("prod"), prod);
        settle(first);
        receiver.answer(503);
        byte[] before = stateNow(first);
        first.onResult(Results.ok("prod"), prod);
        settle(first);
        // the kill came after the webhook's file and before the one for ops
        List<Path> spool;
        try (Stream<Path> files = Files.list(dir.resolve(AlertSpool.DIR))) {
            spool = files.filter(f -> f.getFileName().toString().endsWith("-ops.json")).toList();
        }
        assertEquals(1, spool.size(), () -> spool + " in " + listing(dir.resolve(AlertSpool.DIR)));
        Files.delete(spool.get(0));
        killBetweenSpoolAndState(before);

        receiver.answer(200);
        AlertService second = service(twoDestinations);
        second.onResult(Results.ok("prod"), prod);
        second.tick();
        settle(second);
        assertEquals(List.of("resolved"), receiver.bodies("/ops").stream().skip(1).map(b -> b.path("alert").asText())
                .toList(), "ops was told of the failure, so it hears of its end");
        List<String> webhook = receiver.bodies("/hook").stream().skip(1).map(b -> b.path("alert").asText()).toList();
        assertTrue(webhook.equals(List.of("resolved")) || webhook.equals(List.of("resolved", "resolved")),
                "the webhook's resolution once, or twice rather than ops's never: " + webhook);
    }

    @Test
    void aSpoolFileThatIsNotAWholeMessageDoesNotStopTheStart() throws Exception {
        receiver.answer(503);
        AlertService first = service(SETTINGS);
        first.onResult(Results.failed("prod"), null);
        settle(first);
        camels.remove(0).close();
        Files.writeString(dir.resolve(AlertSpool.DIR).resolve("000000000000-webhook.json"), "{}");
        Files.writeString(dir.resolve(AlertSpool.DIR).resolve("000000000002-webhook.json"),
                "{\"destination\":\"webhook\",\"message\":{\"kind\":\"failing\"}}");

        receiver.answer(200);
        AlertService second = service(SETTINGS);
        second.tick();
        settle(second);
        assertTrue(received().contains("failing prod"), () -> "the whole message still goes out: " + received());
        assertEquals(List.of("000000000000-webhook.json.unreadable", "000000000002-webhook.json.unreadable"),
                listing(dir.resolve(AlertSpool.DIR)).stream().filter(f -> f.endsWith(".unreadable")).toList(),
                "the two that are not whole are set aside for a look");
    }

    @Test
    void aGroupSpooledBeforeItsWaitingFilesWereDeletedIsSentOnce() throws Exception {
        receiver.answer(503);
        String[] grouped = {"failure-threshold", "1", "rate-limit", "0", "group-wait", "30s"};
        AlertService first = service(grouped);
        first.onResult(Results.failed("a"), null);
        first.onResult(Results.failed("b"), null);
        Path waiting = dir.resolve(AlertSpool.DIR).resolve(AlertGrouping.DIR);
        Map<Path, byte[]> waitingFiles = contents(waiting);
        assertEquals(2, waitingFiles.size(), "two messages wait for their group");
        clock.advance(Duration.ofSeconds(30));
        first.tick();
        settle(first);
        assertEquals(Map.of(), contents(waiting), "released into the spool");
        // the kill came after the group was spooled and before its waiting files were deleted
        camels.remove(0).close();
        for (Map.Entry<Path, byte[]> file : waitingFiles.entrySet()) {
            Files.write(file.getKey(), file.getValue());
        }

        receiver.answer(200);
        AlertService second = service(grouped);
        clock.advance(Duration.ofSeconds(30));
        second.tick();
        settle(second);
        clock.advance(Duration.ofSeconds(30));
        second.tick();
        settle(second);
        List<JsonNode> bodies = receiver.bodies("/hook");
        assertEquals(1, bodies.size(), bodies::toString);
        assertEquals(2, bodies.get(0).path("count").asInt());
        assertEquals(Map.of(), contents(waiting));
    }

    private static List<String> listing(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of(e.toString());
        }
    }

    private static Map<Path, byte[]> contents(Path folder) throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> list = Files.list(folder)) {
                for (Path f : list.filter(Files::isRegularFile).toList()) {
                    files.put(f, Files.readAllBytes(f));
                }
            }
        }
        return files;
    }

    private String readState() {
        try {
            return Files.readString(stateFile());
        } catch (IOException e) {
            return e.toString();
        }
    }
}
