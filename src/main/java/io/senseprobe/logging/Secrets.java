package io.senseprobe.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Every secret value this process has read (key passphrases, JWTs, API keys, webhook URLs, passwords), so the log
 * layout can mask them wherever they turn up, the HTTP client's wire log included.
 *
 * <p>A log line costs one pass over its text however many secrets there are: the secrets are compiled into one
 * Aho-Corasick automaton with a cheap filter in front ({@link SecretMatcher}).
 *
 * <p>Why our own automaton and not org.ahocorasick:ahocorasick 0.6.3, the usual library (measured with the 3,000
 * secrets of 1,000 connections, see bench/redact):
 * <ul>
 * <li>overlaps: its one overlap setting, ignoreOverlaps(), keeps the longer of two partly overlapping matches and
 * drops the other, which leaves the rest of the other secret in the log ("abcdef" and "defghi" in "abcdefghi" leave
 * "ghi"); with overlaps allowed it reports every match, each a new object, and the merging is ours anyway;</li>
 * <li>cost per line: linear in the text, but every character is boxed and looked up in a HashMap per state, and the
 * matches are collected in lists: matching alone took 1,050-1,200 ns a line (ours: 280-330), and 1.9-2.0 times as
 * long with 1,000 connections as with 10, right at the target, against 1.15 times for ours;</li>
 * <li>memory and rebuilds: an object, a HashMap and a TreeSet per state came to 72 MB and 260 ms a build for those
 * secrets (ours: 12 MB, 20-30 ms), and a built Trie cannot be added to;</li>
 * <li>threads: a built Trie is read-only in practice, but the library does not say it is thread-safe and its states
 * have mutable fields; ours is immutable by construction;</li>
 * <li>it was last released in 2021.</li>
 * </ul>
 * SecretMatcher is about 330 lines with its comments, and SecretMatcherTest checks it against brute force.
 *
 * <p>Concurrency and rebuilds: registering a value already known, the usual case (every check start registers its
 * definition's secrets), is one lookup in a concurrent set, without a lock. A new value is appended, under a lock, to
 * the list of all values; the next {@link #redact} (any thread) finds its automata behind that list and replaces them
 * copy-on-write, so a value registered before a redact call starts (in the happens-before sense) is always masked by
 * it, and a burst of registrations between two log lines costs one rebuild. The values are kept in two automata so
 * that one new connection does not rebuild the thousands of secrets of the others: the new values go into a small
 * one ({@value #RECENT_MOST} values at most), rebuilt on each change; past that, or once no value has come for
 * {@value #FOLD_AFTER_MS} ms, everything is folded into the large one, and lines go back to a single automaton.
 * (1,000 connections coming up one at a time with a log line after each: about 1.5 s of rebuilds in all, against 8 s
 * with a full rebuild per new value.)
 */
public final class Secrets {
    public static final String MASK = "***";
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final String BEARER_WORD = "bearer";
    // too short to mask without garbling ordinary text; such values are still never logged by our own code
    private static final int SHORTEST = 4;
    static final int RECENT_MOST = 128;
    static final long FOLD_AFTER_MS = 1000;

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();
    // every value registered, in order; appended only, under LOCK, then its size is published in registered
    private static final List<String> VALUES = new ArrayList<>();
    private static volatile int registered;
    private static volatile Automata automata = new Automata(0, 0, SecretMatcher.EMPTY, SecretMatcher.EMPTY, 0);

    /** VALUES[0, folded) in all, VALUES[folded, upTo) in recent; changedAt: System.nanoTime() when last rebuilt. */
    private record Automata(int upTo, int folded, SecretMatcher all, SecretMatcher recent, long changedAt) {
        boolean foldDue(long now) {
            return folded != upTo && now - changedAt > TimeUnit.MILLISECONDS.toNanos(FOLD_AFTER_MS);
        }
    }

    private Secrets() {
    }

    public static void register(String value) {
        if (value == null || value.length() < SHORTEST || KNOWN.contains(value)) {
            return;
        }
        synchronized (LOCK) {
            if (KNOWN.add(value)) {
                VALUES.add(value);
                registered = VALUES.size();
            }
        }
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Automata a = automata;
        if (a.upTo() != registered || a.folded() != a.upTo() && a.foldDue(System.nanoTime())) {
            a = refresh();
        }
        String out = SecretMatcher.mask(text, MASK, a.all(), a.recent());
        // a mask adds no letters, so masking cannot make the word appear; the regex runs only where it stands
        return mentionsBearer(out) ? BEARER.matcher(out).replaceAll("$1" + MASK) : out;
    }

    private static Automata refresh() {
        synchronized (LOCK) {
            Automata a = automata;
            int n = VALUES.size();
            long now = System.nanoTime();
            if (a.upTo() == n && !a.foldDue(now)) {
                return a; // another thread was first
            }
            if (a.upTo() == n || n - a.folded() > RECENT_MOST) {
                a = new Automata(n, n, SecretMatcher.build(List.copyOf(VALUES)), SecretMatcher.EMPTY, now);
            } else {
                List<String> recent = List.copyOf(VALUES.subList(a.folded(), n));
                a = new Automata(n, a.folded(), a.all(), SecretMatcher.build(recent), now);
            }
            automata = a;
            return a;
        }
    }

    /** Whether the word stands in the text, ASCII case ignored as in the regex. */
    private static boolean mentionsBearer(String text) {
        for (int i = text.length() - BEARER_WORD.length(); i >= 0; i--) {
            char c = text.charAt(i);
            if ((c == 'b' || c == 'B') && text.regionMatches(true, i, BEARER_WORD, 0, BEARER_WORD.length())) {
                return true;
            }
        }
        return false;
    }
}
