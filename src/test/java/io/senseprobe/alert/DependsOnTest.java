package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.definition.Definition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** depends-on at a real webhook: a failing parent and its failing dependents make one message listing them. */
class DependsOnTest extends WebhookAlertTest {
    private final Definition proxy = Holds.definition("proxy", null, null);
    private final List<Definition> dependents = new ArrayList<>();
    private Map<String, Definition> all;

    List<String> alerts(AlertService service) {
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
        return receiver.bodies("/hook").stream().map(b -> b.get("alert").asText() + " " + b.get("connection").asText())
                .toList();
    }

    private AlertService service() {
        return withDependents("failure-threshold", "2", "rate-limit", "0");
    }

    /** A service with the five dependents of proxy (and "other", on its own) and these settings. */
    private AlertService withDependents(String... settings) {
        for (int i = 1; i <= 5; i++) {
            dependents.add(Holds.definition("app-" + i, "proxy", null));
        }
        List<Definition> every = new ArrayList<>(dependents);
        every.add(proxy);
        every.add(Holds.definition("other", null, null));
        all = Holds.byName(every.toArray(Definition[]::new));
        AlertService service = service(settings);
        service.holdWith(Suppression.NONE, () -> all);
        return service;
    }

    /** One sweep: the dependents first, as an inventory may well check them. */
    private void sweep(AlertService service, boolean proxyFails) {
        for (Definition d : dependents) {
            service.onResult(Results.failed(d.name()), d);
        }
        service.onResult(proxyFails ? Results.failed("proxy") : Results.ok("proxy"), proxy);
        service.tick();
    }

    @Test
    void aFailingParentWithFiveFailingDependentsIsOneMessageListingThem() {
        AlertService service = service();
        sweep(service, true);
        sweep(service, true);
        sweep(service, true);
        assertEquals(List.of("failing proxy"), alerts(service));
        JsonNode failing = receiver.bodies("/hook").get(0);
        List<String> affected = new ArrayList<>();
        failing.get("affected").forEach(n -> affected.add(n.asText()));
        assertEquals(List.of("app-1", "app-2", "app-3", "app-4", "app-5"), affected);
    }

    @Test
    void whenTheParentRecoversAStillFailingDependentGetsItsOwnAlert() {
        AlertService service = service();
        sweep(service, true);
        sweep(service, true);
        clock.advance(Duration.ofMinutes(1));
        // the proxy works again; app-1..5 still fail: each is alerted now on its own, once
        sweep(service, false);
        sweep(service, false);
        List<String> sent = alerts(service);
        assertEquals("failing proxy", sent.get(0));
        assertEquals(List.of("failing app-1", "failing app-2", "failing app-3", "failing app-4", "failing app-5",
                "resolved proxy"), sent.subList(1, sent.size()).stream().sorted().toList());
    }

    @Test
    void inAGroupTheParentsEntryListsItsAffectedDependentsToo() {
        AlertService service = withDependents("failure-threshold", "2", "rate-limit", "0", "group-wait", "30s");
        for (int i = 0; i < 2; i++) {
            sweep(service, true);
            service.onResult(Results.failed("other"), all.get("other"));
        }
        clock.advance(Duration.ofSeconds(30));
        service.tick();
        assertTrue(service.awaitDeliveries(RecordingReceiver.WAIT));
        List<JsonNode> bodies = receiver.bodies("/hook");
        assertEquals(1, bodies.size(), bodies::toString);
        JsonNode group = bodies.get(0);
        assertEquals(2, group.get("count").asInt(), "proxy and other; the dependents are held");
        assertEquals("other", group.at("/alerts/0/connection").asText());
        assertTrue(group.at("/alerts/0/affected").isMissingNode(), group::toString);
        assertEquals("proxy", group.at("/alerts/1/connection").asText());
        assertEquals("app-1", group.at("/alerts/1/affected/0").asText());
        assertEquals(5, group.at("/alerts/1/affected").size());
    }

    @Test
    void theGroupTextListsAParentsAffectedConnections() {
        AlertMessage parent = AlertMessage.single(AlertKind.FAILING, clock.instant().toString(), null, "s", "t",
                clock.instant().toString(), Results.failed("proxy"), List.of("app-1", "app-2"));
        AlertMessage other = AlertMessage.single(AlertKind.FAILING, clock.instant().toString(), null, "s", "t",
                clock.instant().toString(), Results.failed("other"));
        AlertTemplates.Rendered r = AlertTemplates.load(dir).renderGroup(AlertKind.FAILING, List.of(other, parent), 20,
                Duration.ofSeconds(30), clock.instant());
        assertTrue(r.text().contains("- proxy (qrs-about): connection-refused: Connection refused by sense.example.com:4242"
                + " (failing since " + clock.instant() + "); affected: app-1, app-2"), r.text());
        assertTrue(r.text().lines().filter(l -> l.startsWith("- other")).noneMatch(l -> l.contains("affected")), r.text());
    }

    @Test
    void theMessageTextListsTheAffectedConnections() {
        AlertService service = service();
        sweep(service, true);
        sweep(service, true);
        alerts(service);
        AlertTemplates.Rendered r = AlertTemplates.load(dir).render(AlertKind.FAILING, Results.failed("proxy"),
                clock.instant().toString(), null, clock.instant(), List.of("app-1", "app-2"));
        assertTrue(r.text().contains("Affected:      app-1, app-2 (they depend on proxy"), r.text());
    }
}
