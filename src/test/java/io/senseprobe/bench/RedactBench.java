package io.senseprobe.bench;

import io.senseprobe.logging.Secrets;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * ns per {@link Secrets#redact} call over realistic log lines with the secrets of 10 and of 1,000 connections
 * registered (a JWT of about 330 characters, a 40-character API key and a key passphrase each), against the old
 * algorithm (one String.contains per secret per line). Run by bench/redact.
 *
 * <p>Secrets is one static set per class loader, so each configuration gets its own loader and its own copy of the
 * class: the two figures of the new redact (10 and 1,000) are then measured in rounds taking turns, so another process
 * that takes a core for a while slows both alike instead of skewing the ratio; the best round of each counts. The
 * old redact's two figures come after, the same way.
 */
public final class RedactBench {
    private static final int LINES = 4096; // a power of two
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long ROUND_NANOS = 40_000_000L;
    private static final int ROUNDS = 30;
    static long sink; // keeps the results alive
    private static final String[] WORDS = {"amber", "basalt", "cobalt", "delta", "ember", "fjord", "granite", "harbor",
        "indigo", "juniper", "kestrel", "lumen", "marble", "nectar", "onyx", "pylon", "quartz", "raven", "sierra",
        "tundra", "umber", "vector", "willow", "xenon", "yarrow", "zephyr"};
    // passphrase words, none of them in the log lines' connection names (diceware-like lists are far longer)
    private static final String[] PASS_WORDS = {"acrobat", "bramble", "cactus", "dynamo", "eclipse", "falcon",
        "gazebo", "hemlock", "iceberg", "jigsaw", "kayak", "lantern", "meadow", "nimbus", "orchid", "pepper",
        "quiver", "rhubarb", "saffron", "thimble", "ukulele", "velvet", "walrus", "yodel", "zucchini", "anchovy",
        "biscuit", "crimson", "dolphin", "espresso", "flamingo", "gondola"};
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String B64URL = ALNUM + "-_";

    private RedactBench() {
    }

    /** Secrets.register and Secrets.redact of one class loader's copy of Secrets. */
    public static final class Isolated implements UnaryOperator<String>, Consumer<String> {
        @Override
        public String apply(String text) {
            return Secrets.redact(text);
        }

        @Override
        public void accept(String value) {
            Secrets.register(value);
        }
    }

    /** A copy of Secrets of its own: its redact and its register. */
    private record World(UnaryOperator<String> redact, Consumer<String> register) {
    }

    @SuppressWarnings("unchecked")
    private static World isolated() throws Exception {
        URL[] path = {RedactBench.class.getProtectionDomain().getCodeSource().getLocation(),
            Secrets.class.getProtectionDomain().getCodeSource().getLocation()};
        // the platform loader as parent: io.senseprobe classes come from this loader, not the application's
        ClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader());
        Object isolated = Class.forName(Isolated.class.getName(), true, loader).getConstructor().newInstance();
        return new World((UnaryOperator<String>) isolated, (Consumer<String>) isolated);
    }

    public static void main(String[] args) throws Exception {
        int small = 10;
        int large = 1000;
        Random random = new Random(20260101);
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < large; i++) {
            secrets.addAll(connectionSecrets(random, i));
        }
        List<String> smallSet = secrets.subList(0, 3 * small);
        String[] smallLines = lines(new Random(7), smallSet);
        String[] largeLines = lines(new Random(7), secrets);

        Old oldSmall = new Old();
        smallSet.forEach(oldSmall::register);
        Old oldLarge = new Old();
        secrets.forEach(oldLarge::register);

        World small10 = isolated();
        smallSet.forEach(small10.register());
        settle(small10.redact());
        UnaryOperator<String> newSmall = small10.redact();
        check(newSmall, smallLines, smallSet);

        World large1000 = isolated();
        UnaryOperator<String> newLarge = large1000.redact();
        long t0 = System.nanoTime();
        secrets.forEach(large1000.register());
        newLarge.apply("the first line after the registrations builds the automaton");
        long buildMillis = (System.nanoTime() - t0) / 1_000_000;
        check(newLarge, largeLines, secrets);
        long t1 = System.nanoTime();
        for (int round = 0; round < 100; round++) {
            secrets.forEach(large1000.register()); // all known: no rebuild
        }
        double knownNs = (System.nanoTime() - t1) / (100.0 * secrets.size());

        // the new redact with 10 and with 1,000 connections taking turns, then the old one: the old loop's rounds
        // would push the new one's automaton out of the caches
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (long warmEnd = System.nanoTime() + WARM_UP_NANOS; System.nanoTime() < warmEnd;) {
            roundNew(newSmall, smallLines, ROUND_NANOS / 4);
            roundNew(newLarge, largeLines, ROUND_NANOS / 4);
        }
        for (int r = 0; r < ROUNDS; r++) {
            best[0] = Math.min(best[0], roundNew(newSmall, smallLines, ROUND_NANOS));
            best[1] = Math.min(best[1], roundNew(newLarge, largeLines, ROUND_NANOS));
        }
        for (long warmEnd = System.nanoTime() + WARM_UP_NANOS / 2; System.nanoTime() < warmEnd;) {
            roundOld(oldSmall, smallLines, ROUND_NANOS / 4);
            roundOld(oldLarge, largeLines, ROUND_NANOS / 4);
        }
        for (int r = 0; r < ROUNDS / 2; r++) {
            best[2] = Math.min(best[2], roundOld(oldSmall, smallLines, ROUND_NANOS));
            best[3] = Math.min(best[3], roundOld(oldLarge, largeLines, ROUND_NANOS));
        }

        // the worst case for rebuilds: connections coming up one at a time with a log line after each
        World startup = isolated();
        Random more = new Random(99);
        long t2 = System.nanoTime();
        for (int i = 0; i < large; i++) {
            connectionSecrets(more, i).forEach(startup.register());
            startup.redact().apply("2026-01-02 03:04:05.678 INFO  [sense-check-1] i.s.check.CheckRunner - connection "
                    + i + " starts");
        }
        long startupMillis = (System.nanoTime() - t2) / 1_000_000;

        String env = String.format(Locale.ROOT, "cores=%d jvm=%s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "lines: %d distinct, %.0f chars on average, %d%% with a registered secret,"
                + " %d%% with an unknown bearer token%n", LINES, averageLength(largeLines),
                percent(largeLines, l -> secrets.stream().anyMatch(l::contains)),
                percent(largeLines, l -> l.contains("Bearer eyJ")));
        System.out.printf(Locale.ROOT, "secrets: 3 per connection (JWT %d chars, 40-char API key, passphrase)%n",
                secrets.get(0).length());
        System.out.printf(Locale.ROOT, "redact: %d connections (%d secrets) %.0f ns/line, %d connections (%d secrets)"
                + " %.0f ns/line, ratio %.2f (target <= 2.00) %s%n", small, smallSet.size(), best[0], large,
                secrets.size(), best[1], best[1] / best[0], env);
        System.out.printf(Locale.ROOT, "old loop: %d connections %.0f ns/line, %d connections %.0f ns/line, ratio %.2f"
                + "; with %d connections the new redact is %.0fx faster%n", small, best[2], large, best[3],
                best[3] / best[2], large, best[3] / best[1]);
        System.out.printf(Locale.ROOT, "register: %d secrets, then the first redact builds: %d ms; a known value: %.0f"
                + " ns; %d connections one at a time, a log line after each: %d ms in all%n", secrets.size(),
                buildMillis, knownNs, large, startupMillis);
    }

    /** A connection's secrets: a JWT (RS256-like header and claims, ES256-sized signature), API key, passphrase. */
    static List<String> connectionSecrets(Random random, int n) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + chars(random, ALNUM, 16) + "\"}";
        String claims = "{\"sub\":\"svc-probe-" + n + "\",\"iss\":\"qlik-" + n + ".example.com\",\"aud\":\"qlik.api\","
                + "\"iat\":" + (1767225600 + n) + ",\"exp\":" + (1767229200 + n) + ",\"jti\":\""
                + chars(random, ALNUM, 24) + "\"}";
        String jwt = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + chars(random, B64URL, 86);
        String apiKey = chars(random, ALNUM, 40);
        String passphrase = PASS_WORDS[random.nextInt(PASS_WORDS.length)] + "-"
                + PASS_WORDS[random.nextInt(PASS_WORDS.length)] + "-" + PASS_WORDS[random.nextInt(PASS_WORDS.length)]
                + "-" + random.nextInt(10_000);
        return List.of(jwt, apiKey, passphrase);
    }

    /** Log lines of about 175 characters; one in 16 holds a registered secret, one in 16 an unknown bearer token. */
    static String[] lines(Random random, List<String> secrets) {
        String[] lines = new String[LINES];
        for (int i = 0; i < LINES; i++) {
            String prefix = String.format(Locale.ROOT, "2026-01-02 03:%02d:%02d.%03d %-5s [sense-check-%d] ",
                    random.nextInt(60), random.nextInt(60), random.nextInt(1000),
                    random.nextInt(10) == 0 ? "WARN" : "INFO", 1 + random.nextInt(32));
            String connection = "qlik-" + WORDS[random.nextInt(WORDS.length)] + "-" + random.nextInt(1000);
            int kind = i % 16;
            String rest;
            if (kind == 0) {
                String secret = secrets.get(random.nextInt(secrets.size()));
                rest = secret.length() > 100
                        ? "o.a.h.wire - http-outgoing-" + random.nextInt(100) + " >> \"X-Qlik-Token: " + secret
                                + "[\\r][\\n]\""
                        : "i.s.definition.Definitions - " + connection + ": key file refused with passphrase "
                                + secret + " (wrong passphrase?)";
            } else if (kind == 5) {
                rest = "o.a.h.wire - http-outgoing-" + random.nextInt(100) + " >> \"Authorization: Bearer eyJ"
                        + chars(random, B64URL, 60) + "[\\r][\\n]\"";
            } else if (kind % 3 == 0) {
                rest = "i.s.check.CheckRunner - " + connection + " check about: HTTP 200 in " + random.nextInt(900)
                        + " ms, build 14.187." + random.nextInt(10) + ", node " + connection + ".example.com:4242";
            } else if (kind % 3 == 1) {
                rest = "i.s.alert.AlertStateMachine - " + connection + " stays FAILED (tls-hostname-mismatch),"
                        + " next alert after " + random.nextInt(60) + " min";
            } else {
                rest = "o.a.c.component.http.HttpProducer - Executing http GET method: https://" + connection
                        + ".example.com:4242/qrs/about?xrfkey=" + chars(random, ALNUM, 16);
            }
            lines[i] = prefix + rest;
        }
        return lines;
    }

    private static String chars(Random random, String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** The bench measures nothing if redact misses: every registered secret in a line must be gone. */
    private static void check(UnaryOperator<String> redact, String[] lines, List<String> secrets) {
        for (String line : lines) {
            String redacted = redact.apply(line);
            for (String s : secrets) {
                if (redacted.contains(s)) {
                    throw new IllegalStateException("not masked: " + s + " in " + redacted);
                }
            }
            if (redacted.contains("Bearer eyJ")) {
                throw new IllegalStateException("bearer token not masked: " + redacted);
            }
        }
    }

    /**
     * Secrets keeps a few new values in a second, small automaton until no value has come for a second (then folds
     * them into the large one); wait for that, so that the 10-connection figure is the steady state too.
     */
    private static void settle(UnaryOperator<String> redact) throws InterruptedException {
        redact.apply("registered");
        Thread.sleep(1500);
        redact.apply("folded");
    }

    /** ns per call of the new redact over the lines, for about this long. */
    private static double roundNew(UnaryOperator<String> redact, String[] lines, long nanos) {
        long sum = 0;
        long calls = 0;
        long start = System.nanoTime();
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                sum += redact.apply(lines[(int) (calls++ & (LINES - 1))]).length();
            }
            now = System.nanoTime();
        } while (now - start < nanos);
        sink += sum;
        return (now - start) / (double) calls;
    }

    /** The same for the old one: a call site of its own, so the JIT compiles each loop for its own redact. */
    private static double roundOld(Old redact, String[] lines, long nanos) {
        long sum = 0;
        long calls = 0;
        long start = System.nanoTime();
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                sum += redact.apply(lines[(int) (calls++ & (LINES - 1))]).length();
            }
            now = System.nanoTime();
        } while (now - start < nanos);
        sink += sum;
        return (now - start) / (double) calls;
    }

    private static double averageLength(String[] lines) {
        long total = 0;
        for (String line : lines) {
            total += line.length();
        }
        return total / (double) lines.length;
    }

    private static int percent(String[] lines, Predicate<String> which) {
        return Math.round(100f * Arrays.stream(lines).filter(which).count() / lines.length);
    }

    /** The redact this replaces, copied as it was: one String.contains per registered secret per line. */
    static final class Old implements UnaryOperator<String> {
        private final Set<String> values = ConcurrentHashMap.newKeySet();
        private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");

        void register(String value) {
            if (value != null && value.length() >= 4) {
                values.add(value);
            }
        }

        @Override
        public String apply(String text) {
            if (text == null || text.isEmpty()) {
                return text;
            }
            String out = text;
            for (String secret : values) {
                if (out.contains(secret)) {
                    out = out.replace(secret, "***");
                }
            }
            return BEARER.matcher(out).replaceAll("$1" + "***");
        }
    }
}
