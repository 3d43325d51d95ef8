package io.senseprobe.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void registeredValuesAreMaskedWhereverTheyStand() {
        Secrets.register("s3cret-passphrase");
        assertEquals("key pass=*** (again ***)", Secrets.redact("key pass=s3cret-passphrase (again s3cret-passphrase)"));
    }

    @Test
    void bearerTokensAreMaskedEvenWhenUnknown() {
        String line = "http-outgoing-0 >> \"Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln[\\r][\\n]\"";
        String redacted = Secrets.redact(line);
        assertFalse(redacted.contains("eyJ"), redacted);
        assertEquals("http-outgoing-0 >> \"Authorization: Bearer ***[\\r][\\n]\"", redacted);
    }

    @Test
    void veryShortValuesAreNotUsedAsMasks() {
        Secrets.register("ab");
        assertEquals("abc", Secrets.redact("abc"));
    }

    @Test
    void bearerInAnyCaseAndARegisteredBearerToken() {
        assertEquals("authorization: BEARER ***", Secrets.redact("authorization: BEARER abc.def-ghi"));
        assertEquals("x bEaReR\t*** y", Secrets.redact("x bEaReR\tabc.def y"));
        assertEquals("Bearer ***, bearer ***", Secrets.redact("Bearer aaaa.bbbb, bearer cccc"));
        Secrets.register("registered-bearer-token-4711");
        assertEquals("Authorization: Bearer ***", Secrets.redact("Authorization: Bearer registered-bearer-token-4711"));
        // no bearer: nothing to do for the regex
        assertEquals("bear with me, bearers", Secrets.redact("bear with me, bearers"));
    }

    @Test
    void nullAndEmptyStayAsTheyAre() {
        Secrets.register(null);
        assertEquals(null, Secrets.redact(null));
        assertEquals("", Secrets.redact(""));
    }

    @Test
    void nestedOverlappingAndAdjacentSecrets() {
        Secrets.register("nest-outer-0001-inner-0002-end");
        Secrets.register("inner-0002");
        assertEquals("a *** b ***", Secrets.redact("a nest-outer-0001-inner-0002-end b inner-0002"));

        // the old loop masked one and left the other's rest: "pass=***7-8888" or "pass=4444-555***"
        Secrets.register("4444-5555-6666");
        Secrets.register("6666-7777-8888");
        assertEquals("pass=***!", Secrets.redact("pass=4444-5555-6666-7777-8888!"));

        Secrets.register("adjacent-one:");
        Secrets.register("adjacent-two");
        assertEquals("[******]", Secrets.redact("[adjacent-one:adjacent-two]"));
    }

    @Test
    void aSecretOverlappingOneRegisteredLongBeforeIsMaskedWhole() {
        // enough values to put the first into the large automaton, then one into the small one
        Secrets.register("long-before-secret-ABCD");
        for (int i = 0; i <= Secrets.RECENT_MOST + 1; i++) {
            Secrets.register("filler-secret-" + i + "-" + "x".repeat(i % 7));
        }
        assertEquals("***", Secrets.redact("long-before-secret-ABCD"));
        Secrets.register("ABCD-just-now");
        assertEquals("k=*** and ***", Secrets.redact("k=long-before-secret-ABCD-just-now and filler-secret-3-xxx"));
    }

    @Test
    void registeringAKnownValueAgainChangesNothing() {
        Secrets.register("known-value-0042");
        String once = Secrets.redact("v=known-value-0042");
        for (int i = 0; i < 10_000; i++) {
            Secrets.register("known-value-0042");
        }
        assertEquals(once, Secrets.redact("v=known-value-0042"));
        assertEquals("v=***", once);
    }

    @Test
    void newValuesAreFoldedAfterAQuietSecondAndStayMasked() throws InterruptedException {
        List<String> values = List.of("quiet-fold-one-123", "quiet-fold-two-456", "quiet-fold-three-789");
        values.forEach(Secrets::register);
        assertEquals("*** *** ***", Secrets.redact(String.join(" ", values)));
        Thread.sleep(Secrets.FOLD_AFTER_MS + 200);
        assertEquals("*** *** ***", Secrets.redact(String.join(" ", values))); // this one folds
        assertEquals("*** *** ***", Secrets.redact(String.join(" ", values)));
    }

    /**
     * Many threads register values and log at once: each thread's values are masked as soon as its register calls
     * return, whatever the others are doing (and whichever thread rebuilds), and all values are masked afterwards.
     */
    @Test
    void concurrentRegisterAndRedact() throws Exception {
        int threads = 8;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicReferenceArray<String> published = new AtomicReferenceArray<>(threads * perThread);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                Random random = new Random(thread);
                for (int i = 0; i < perThread; i++) {
                    String value = "conc-t" + thread + "-v" + i + "-" + Long.toHexString(random.nextLong());
                    Secrets.register(value);
                    Secrets.register(value); // again, as each check start does
                    published.set(thread * perThread + i, value);
                    String line = "INFO [sense-check-" + thread + "] connection c" + i + " key=" + value + " done";
                    String redacted = Secrets.redact(line);
                    if (!redacted.equals("INFO [sense-check-" + thread + "] connection c" + i + " key=*** done")) {
                        throw new AssertionError("right after register: " + redacted);
                    }
                    // a value another thread (or this one) registered already
                    String other = published.get(random.nextInt(threads * perThread));
                    if (other != null) {
                        String r = Secrets.redact("other=" + other + ";");
                        if (!r.equals("other=***;")) {
                            throw new AssertionError("value registered earlier: " + r);
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < published.length(); i++) {
            all.add(published.get(i));
        }
        for (String value : all) {
            assertEquals("x *** y", Secrets.redact("x " + value + " y"), value);
        }
        StringBuilder everything = new StringBuilder();
        all.forEach(v -> everything.append(v).append(' '));
        String redacted = Secrets.redact(everything.toString());
        assertTrue(redacted.matches("(\\*\\*\\* )+"), redacted.substring(0, Math.min(200, redacted.length())));
    }
}
