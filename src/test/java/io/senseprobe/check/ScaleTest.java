package io.senseprobe.check;

import static io.senseprobe.check.CheckAssertions.assertFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.auth.TlsContexts;
import io.senseprobe.check.http.CheckHttpClient;
import io.senseprobe.definition.Definition;
import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.Status;
import io.senseprobe.simulator.ClientCredential;
import io.senseprobe.simulator.Listener;
import io.senseprobe.simulator.RecordedRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Many connections, each with its own client certificate (as every Sense site has its own QMC export, all with
 * subject CN=QlikClient): every healthy site is OK, a pooled connection only ever carries requests of the
 * credential that opened it, and later sweeps reuse the pool without growing anything.
 */
class ScaleTest extends SimulatorCheckTest {

    /** {@code count} definitions on the QRS listener, each with a new credential and its own user id. */
    static Map<String, ClientCredential> sites(String prefix, int count, List<Definition> into) throws Exception {
        Map<String, ClientCredential> byUser = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String user = prefix + "-" + i;
            ClientCredential credential = fx.sim.issueClientCredential(Files.createDirectories(dir.resolve("creds").resolve(user)));
            byUser.put(user, credential);
            into.add(fx.definition(fx.cert(Listener.QRS).with("name", user).with("auth-user-id", user)
                    .with("auth-cert-file", credential.certFile()).with("auth-cert-key-file", credential.keyFile())));
        }
        return byUser;
    }

    /** Every QRS request of these users arrived on the user's own certificate. */
    static void assertEachRequestUsedItsOwnCertificate(Map<String, ClientCredential> byUser) {
        int seen = 0;
        for (RecordedRequest request : fx.sim.requests(Listener.QRS)) {
            ClientCredential expected = byUser.get(request.userId());
            if (expected != null) {
                seen++;
                assertEquals(expected.fingerprint(), request.clientCertFingerprint(),
                        "request of " + request.userId() + " came on another definition's certificate");
            }
        }
        assertTrue(seen >= byUser.size(), "requests seen: " + seen);
    }

    @Test
    void threeHundredSitesWithTheirOwnCertificatesAreAllOk() throws Exception {
        List<Definition> definitions = new ArrayList<>();
        Map<String, ClientCredential> byUser = sites("many", 300, definitions);

        List<CheckResult> results = fx.runner().runAll(definitions);

        Map<String, Long> byCategory = results.stream()
                .collect(Collectors.groupingBy(r -> r.category().id(), Collectors.counting()));
        assertEquals(Map.of("ok", 300L), byCategory, () -> "first failures: " + results.stream()
                .filter(CheckResult::failed).limit(3).map(CheckResult::message).toList());
        assertEachRequestUsedItsOwnCertificate(byUser);
    }

    @Test
    void aPooledConnectionCarriesOnlyRequestsOfTheCertificateThatOpenedIt() throws Exception {
        // same subject (CN=QlikClient) and issuer, different keys, same host and port
        List<Definition> two = new ArrayList<>();
        Map<String, ClientCredential> byUser = sites("twin", 2, two);
        long before = fx.sim.tlsConnections(Listener.QRS);
        for (int round = 0; round < 5; round++) {
            for (Definition d : two) {
                assertEquals(Status.OK, fx.runner().run(d).status());
            }
        }
        assertEachRequestUsedItsOwnCertificate(byUser);
        // one connection per credential, then only reuse
        assertEquals(2, fx.sim.tlsConnections(Listener.QRS) - before);
    }

    @Test
    void laterSweepsOpenNoConnectionAndGrowNothing() throws Exception {
        List<Definition> fifty = new ArrayList<>();
        Map<String, ClientCredential> byUser = sites("sweep", 50, fifty);
        CheckHttpClient http = fx.camel.context().getRegistry().lookupByNameAndType("checkHttpClient", CheckHttpClient.class);
        TlsContexts tls = fx.camel.context().getRegistry().lookupByNameAndType("tlsContexts", TlsContexts.class);

        Footprint second = null;
        long handshakesAfterFirst = 0;
        for (int sweep = 1; sweep <= 10; sweep++) {
            List<CheckResult> results = fx.runner().runAll(fifty);
            assertTrue(results.stream().allMatch(r -> r.status() == Status.OK), "sweep " + sweep + ": " + results);
            if (sweep == 1) {
                handshakesAfterFirst = fx.sim.tlsConnections(Listener.QRS);
            } else {
                assertEquals(handshakesAfterFirst, fx.sim.tlsConnections(Listener.QRS), "sweep " + sweep + " shook hands");
            }
            Footprint now = new Footprint(fx.camel.context().getEndpoints().size(), http.openConnections(), tls.size(),
                    ourThreads());
            if (sweep == 2) {
                second = now;
            }
            if (sweep == 10) {
                assertTrue(now.endpoints() <= second.endpoints(), "endpoints " + second + " -> " + now);
                assertTrue(now.connections() <= second.connections(), "connections " + second + " -> " + now);
                assertTrue(now.tlsContexts() <= second.tlsContexts(), "TLS contexts " + second + " -> " + now);
                assertTrue(now.threads() <= second.threads(), "threads " + second + " -> " + now);
            }
        }
        assertEachRequestUsedItsOwnCertificate(byUser);
    }

    private record Footprint(int endpoints, int connections, int tlsContexts, long threads) {
    }

    /** Threads of the client side: not the simulator's, which serves in the same JVM. */
    private static long ourThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("sense-sim") && !t.getName().startsWith("HTTP-Dispatcher")).count();
    }

    @Test
    void aServerThatTricklesItsAnswerIsATimeoutAndFreesItsWorker() throws Exception {
        Definition trickle = fx.definition(fx.cert(Listener.TRICKLE).with("name", "trickle").with("timeout", "1s"));
        Definition healthy = fx.definition(fx.cert(Listener.QRS).with("name", "healthy"));
        CheckRunner oneWorker = new CheckRunner(fx.camel.context(), "one-worker", 1);
        long start = System.nanoTime();

        List<CheckResult> results = oneWorker.runAll(List.of(trickle, healthy));

        long tookMs = (System.nanoTime() - start) / 1_000_000;
        CheckResult trickled = results.get(0);
        assertFailed(Category.TIMEOUT, trickled);
        assertTrue(trickled.message().contains("within 1000 ms"), trickled.message());
        // the body would take minutes at a byte a second: the abort ended it, and the one worker went on
        assertEquals(Status.OK, results.get(1).status(), results.get(1).toString());
        assertTrue(tookMs < 5_000, "the trickling server held the worker for " + tookMs + " ms");
    }
}
