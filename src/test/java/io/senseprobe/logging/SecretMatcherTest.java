package io.senseprobe.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecretMatcherTest {
    private static final String M = "***";

    private static String mask(String text, String... secrets) {
        return SecretMatcher.build(List.of(secrets)).mask(text, M);
    }

    @Test
    void aSecretInsideAnotherGoesWithItUnderOneMask() {
        assertEquals("key=*** end", mask("key=abcdefgh end", "cdef", "abcdefgh"));
        assertEquals("key=*** end", mask("key=abcdefgh end", "abcdefgh", "cdef"));
        // the short one alone still masked
        assertEquals("key=*** and ***gh", mask("key=abcdefgh and cdefgh", "abcdefgh", "cdef"));
        // sharing the start, sharing the end
        assertEquals("[***]", mask("[abcdefgh]", "abcd", "abcdefgh"));
        assertEquals("[***]", mask("[abcdefgh]", "efgh", "abcdefgh"));
    }

    @Test
    void overlappingSecretsAreMaskedAsTheirUnionSoNoPartStaysVisible() {
        // ignoreOverlaps() in org.ahocorasick would keep one of these and leave "ghi" or "abc"
        assertEquals("xx***xx", mask("xxabcdefghixx", "abcdef", "defghi"));
        assertEquals("xx***xx", mask("xxabcdefghixx", "defghi", "abcdef"));
        // a chain of three, each overlapping the next
        assertEquals("<***>", mask("<1234567890ab>", "123456", "567890", "90ab"));
        // a secret overlapping itself
        assertEquals("x***x", mask("xaaaaaax", "aaaa"));
        assertEquals("x***x", mask("xabababx", "abab"));
    }

    @Test
    void adjacentSecretsAndRepeatsGetAMaskEach() {
        assertEquals("******", mask("abcdefgh", "abcd", "efgh"));
        assertEquals("*** ***", mask("abcd abcd", "abcd"));
        assertEquals("******", mask("abcdabcd", "abcd"));
    }

    @Test
    void edgesOfTheTextAndTextsShorterThanASecret() {
        assertEquals(M, mask("abcd", "abcd"));
        assertEquals("***x", mask("abcdx", "abcd"));
        assertEquals("x***", mask("xabcd", "abcd"));
        assertEquals("abc", mask("abc", "abcd"));
        assertEquals("", mask("", "abcd"));
        assertEquals("ab", mask("ab", "abcd"));
    }

    @Test
    void aTextWithoutSecretsIsReturnedAsItIs() {
        String text = "2026-01-02 03:04:05.678 INFO  [main] i.s.SenseProbe - nothing to hide here";
        assertSame(text, mask(text, "abcdefgh", "s3cret-passphrase"));
        assertSame(text, SecretMatcher.EMPTY.mask(text, M));
    }

    @Test
    void secretsShorterThanTheFilterStillMatch() {
        // Secrets registers nothing shorter than 4; the matcher turns its filter off for such a set
        assertEquals("x***y***", mask("xabyab", "ab", "abcdefg"));
    }

    @Test
    void nonAsciiSecretsAndText() {
        assertEquals("Passwort: *** ok", mask("Passwort: pässwört-ünïcødé ok", "pässwört-ünïcødé"));
        assertEquals("emoji *** end", mask("emoji 🔑key🔑-value end", "🔑key🔑-value"));
        assertEquals("日本語のログ ***。", mask("日本語のログ 秘密の合言葉です。", "秘密の合言葉です"));
        // non-ASCII characters in the text step through the states with ASCII rows as well
        assertEquals("ü***ü", mask("üabcdefü", "abcdef", "abcxyz", "abcuvw", "abcrst", "abcopq", "abclmn", "abcijk"));
    }

    @Test
    void jwtsSharingTheirHeaderAreToldApart() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes()) + ".";
        List<String> jwts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            jwts.add(header + b64.encodeToString(("{\"sub\":\"svc-" + i + "\"}").getBytes()) + ".sig" + i + "x");
        }
        SecretMatcher m = SecretMatcher.build(jwts);
        String unknown = header + b64.encodeToString("{\"sub\":\"svc-other\"}".getBytes()) + ".sigx";
        assertEquals("token " + unknown, m.mask("token " + unknown, M));
        assertEquals("token ***, again ***", m.mask("token " + jwts.get(17) + ", again " + jwts.get(42), M));
        // the header alone is no secret
        assertEquals(header, m.mask(header, M));
    }

    @Test
    void twoMatchersMaskTheUnionOfTheirSecrets() {
        SecretMatcher all = SecretMatcher.build(List.of("abcdef", "uvwxyz"));
        SecretMatcher recent = SecretMatcher.build(List.of("defghi", "1234"));
        assertEquals("xx***xx", SecretMatcher.mask("xxabcdefghixx", M, all, recent));
        assertEquals("xx***xx", SecretMatcher.mask("xxabcdefghixx", M, recent, all));
        assertEquals("*** *** ***", SecretMatcher.mask("1234 uvwxyz abcdefghi", M, all, recent));
        assertEquals("******", SecretMatcher.mask("abcdef1234", M, all, recent));
        assertEquals("-******-", SecretMatcher.mask("-uvwxyz1234-", M, recent, all));
    }

    /** Against the obvious algorithm: every occurrence of every secret, overlapping ones merged. */
    @Test
    void agreesWithBruteForceOnRandomOverlappingSecrets() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            // a small alphabet, so that secrets overlap, nest and repeat all the time
            String alphabet = round % 2 == 0 ? "ab" : "abcé";
            List<String> secrets = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
                secrets.add(random(random, alphabet, 4 + random.nextInt(round % 3 == 0 ? 30 : 6)));
            }
            String text = random(random, alphabet + "xy", random.nextInt(80));
            if (!secrets.isEmpty() && random.nextBoolean()) {
                int at = random.nextInt(text.length() + 1);
                text = text.substring(0, at) + secrets.get(random.nextInt(secrets.size())) + text.substring(at);
            }
            String expected = bruteForce(text, secrets);
            assertEquals(expected, SecretMatcher.build(secrets).mask(text, M), () -> "secrets " + secrets);
            int split = random.nextInt(secrets.size() + 1);
            assertEquals(expected, SecretMatcher.mask(text, M, SecretMatcher.build(secrets.subList(0, split)),
                    SecretMatcher.build(secrets.subList(split, secrets.size()))), () -> "split " + secrets);
        }
    }

    @Test
    void manyStatesStayCompact() {
        Random random = new Random(1);
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            secrets.add(random(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40));
        }
        SecretMatcher m = SecretMatcher.build(secrets);
        assertEquals(true, m.states() < 3000 * 40, "states " + m.states());
        for (String s : secrets.subList(0, 100)) {
            assertEquals("k=*** ok", m.mask("k=" + s + " ok", M));
        }
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static String bruteForce(String text, List<String> secrets) {
        List<int[]> found = new ArrayList<>();
        for (String s : secrets) {
            for (int at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
                found.add(new int[] {at, at + s.length()});
            }
        }
        found.sort(Comparator.comparingInt((int[] r) -> r[0]));
        List<int[]> runs = new ArrayList<>();
        for (int[] r : found) {
            int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && r[0] < last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                runs.add(r.clone());
            }
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int[] r : runs) {
            out.append(text, from, r[0]).append(M);
            from = r[1];
        }
        return out.append(text.substring(from)).toString();
    }
}
