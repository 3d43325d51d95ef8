package io.senseprobe.logging;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Finds every occurrence of a fixed set of secrets in a text with one pass over it, whatever the number of secrets:
 * an Aho-Corasick automaton, with a filter in front that lets a line without a secret through cheaper still.
 * Immutable once built (arrays never written after {@link #build}), so any number of threads may share one;
 * {@link Secrets} builds a new one when its set of secrets changes.
 *
 * <p>The automaton is a handful of flat arrays, about 22 bytes a secret character, rather than an object and a map
 * per state. States are numbered depth first, so the states along one secret (past its first few characters nearly
 * all with one child) lie next to each other in memory: reading a secret of 300 characters in a line does not miss
 * the cache 300 times when the automaton holds thousands of secrets. A state with many children (the root, the first
 * levels, where JWTs share their header) has a 128-entry row for ASCII with its failure transitions folded in, one
 * load a character; the others scan their edges and fall back along their failure links.
 *
 * <p>The filter: a bit set in which each secret's first {@value #GRAM} characters set two bits (hashed). No secret
 * can start before the first position whose {@value #GRAM} characters find both their bits set, so the automaton
 * starts there; a line with no such position, nearly every line without a secret, is only hashed (no state to carry
 * from character to character, so the loop runs at the speed of the loads). With 512 bits per distinct start, a
 * position passes by chance about once in 65,000, and the worst case is two passes.
 */
record SecretMatcher(
        int[] edgeFrom, // the edges out of state s are edgeFrom[s] .. edgeFrom[s + 1] - 1
        char[] edgeLabel,
        int[] edgeTo,
        int[] fail, // the state of the longest proper suffix of s's string that is a state too
        int[] longest, // length of the longest secret ending in s (s's string or a suffix of it), 0 if none
        int[] tableAt, // NONE, or where s's ASCII row starts in tables
        int[] tables, // rows of 128: the state after reading that character, failure transitions included
        long[] starts, // the filter: two bits for each secret's first GRAM characters; null when off
        int filterBits) { // log2 of the filter's size in bits
    static final SecretMatcher EMPTY = build(List.of());

    // Secrets registers nothing shorter, so the first GRAM characters of each secret can be the filter (a shorter
    // secret turns the filter off)
    static final int GRAM = 4;
    private static final int BITS_PER_START = 512;
    private static final long MIN_FILTER_BITS = 1 << 12;
    private static final long MAX_FILTER_BITS = 1 << 24;
    private static final long HASH = 0x9E37_79B9_7F4A_7C15L;
    // from this many children a state gets an ASCII row; fewer are scanned about as fast, and rows cost 512 bytes
    private static final int TABLE_FROM = 6;
    private static final int ASCII = 128;
    private static final int NONE = -1;

    /** The matcher for these secrets (non-empty strings; duplicates do no harm). */
    static SecretMatcher build(Collection<String> secrets) {
        // 1. a trie with children as linked lists, in insertion numbering
        int capacity = 1;
        for (String s : secrets) {
            capacity += s.length();
        }
        char[] tLabel = new char[capacity];
        int[] tFirst = new int[capacity];
        int[] tNext = new int[capacity];
        int[] tLength = new int[capacity];
        Arrays.fill(tFirst, NONE);
        int states = 1;
        for (String s : secrets) {
            int at = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                int child = tFirst[at];
                while (child != NONE && tLabel[child] != c) {
                    child = tNext[child];
                }
                if (child == NONE) {
                    child = states++;
                    tLabel[child] = c;
                    tNext[child] = tFirst[at];
                    tFirst[at] = child;
                }
                at = child;
            }
            tLength[at] = s.length();
        }

        // 2. renumber depth first (pre-order), so that the states along one secret, mostly single children, are
        // next to each other in memory; a state's edges are edgeFrom[s] .. edgeFrom[s + 1] - 1
        int[] order = new int[states]; // order[new number] = trie number
        int[] number = new int[states]; // the reverse
        int[] stack = new int[states];
        int top = 0;
        stack[top++] = 0;
        for (int n = 0; top > 0; n++) {
            int t = stack[--top];
            order[n] = t;
            number[t] = n;
            for (int child = tFirst[t]; child != NONE; child = tNext[child]) {
                stack[top++] = child;
            }
        }
        int[] edgeFrom = new int[states + 1];
        char[] edgeLabel = new char[states - 1];
        int[] edgeTo = new int[states - 1];
        int[] length = new int[states];
        int edges = 0;
        for (int n = 0; n < states; n++) {
            int t = order[n];
            edgeFrom[n] = edges;
            length[n] = tLength[t];
            for (int child = tFirst[t]; child != NONE; child = tNext[child]) {
                edgeLabel[edges] = tLabel[child];
                edgeTo[edges++] = number[child];
            }
        }
        edgeFrom[states] = edges;

        // 3. which states get an ASCII row
        int[] tableAt = new int[states];
        int rows = 0;
        for (int n = 0; n < states; n++) {
            tableAt[n] = n == 0 || edgeFrom[n + 1] - edgeFrom[n] >= TABLE_FROM ? rows++ * ASCII : NONE;
        }
        int[] tables = new int[rows * ASCII];

        // 4. the filter over the secrets' first GRAM characters
        long[] starts = null;
        int filterBits = 0;
        if (!secrets.isEmpty() && secrets.stream().allMatch(x -> x.length() >= GRAM)) {
            long distinct = secrets.stream().map(x -> x.substring(0, GRAM)).distinct().count();
            long wanted = Math.min(MAX_FILTER_BITS, Math.max(MIN_FILTER_BITS, distinct * BITS_PER_START));
            filterBits = 64 - Long.numberOfLeadingZeros(wanted - 1); // rounded up to a power of two
            starts = new long[1 << (filterBits - 6)];
            for (String x : secrets) {
                long hash = gram(x, GRAM - 1) * HASH;
                int first = (int) (hash >>> (64 - filterBits));
                int second = (int) (hash >>> (64 - 2 * filterBits)) & ((1 << filterBits) - 1);
                starts[first >>> 6] |= 1L << first;
                starts[second >>> 6] |= 1L << second;
            }
        }

        // 5. breadth first, so that a state's failure state (shallower) is complete before it: its ASCII row with
        // the failure transitions folded in, its children's failure links, its longest output
        int[] fail = new int[states]; // the root's children fail to the root: zeros
        int[] longest = new int[states];
        SecretMatcher m = new SecretMatcher(edgeFrom, edgeLabel, edgeTo, fail, longest, tableAt, tables, starts,
                filterBits); // for next() while the rows and links are made
        int[] queue = stack; // free again
        int tail = 1;
        queue[0] = 0;
        for (int head = 0; head < tail; head++) {
            int n = queue[head];
            if (tableAt[n] != NONE) {
                for (char c = 0; c < ASCII; c++) {
                    tables[tableAt[n] + c] = n == 0 ? 0 : m.next(fail[n], c);
                }
                for (int e = edgeFrom[n]; e < edgeFrom[n + 1]; e++) {
                    if (edgeLabel[e] < ASCII) {
                        tables[tableAt[n] + edgeLabel[e]] = edgeTo[e];
                    }
                }
            }
            if (n != 0) {
                longest[n] = Math.max(length[n], longest[fail[n]]);
            }
            for (int e = edgeFrom[n]; e < edgeFrom[n + 1]; e++) {
                fail[edgeTo[e]] = n == 0 ? 0 : m.next(fail[n], edgeLabel[e]);
                queue[tail++] = edgeTo[e];
            }
        }
        // a new instance now that the arrays are filled: its final fields publish them to any thread
        return new SecretMatcher(edgeFrom, edgeLabel, edgeTo, fail, longest, tableAt, tables, starts, filterBits);
    }

    /** The state after reading c in this state: its child, or else its failure states' (a row holds both). */
    private int next(int state, char c) {
        for (int s = state;; s = fail[s]) {
            int row = tableAt[s];
            if (row != NONE && c < ASCII) {
                return tables[row + c];
            }
            for (int e = edgeFrom[s], end = edgeFrom[s + 1]; e < end; e++) {
                if (edgeLabel[e] == c) {
                    return edgeTo[e];
                }
            }
            if (s == 0) {
                return 0;
            }
        }
    }

    /** The characters of text up to and including position i, the last GRAM of them, one in each 16 bits. */
    private static long gram(String text, int i) {
        long gram = 0;
        for (int k = Math.max(0, i - (GRAM - 1)); k <= i; k++) {
            gram = gram << 16 | text.charAt(k);
        }
        return gram;
    }

    /** Where the first secret in the text could start: none starts before; text.length() if none can. */
    private int firstStart(String text) {
        long[] starts = this.starts;
        int n = text.length();
        if (starts == null) {
            return fail.length == 1 ? n : 0;
        }
        int bits = filterBits;
        int mask = (1 << bits) - 1;
        long gram = n < GRAM ? 0 : gram(text, GRAM - 2);
        for (int i = GRAM - 1; i < n; i++) {
            gram = gram << 16 | text.charAt(i);
            long hash = gram * HASH;
            int first = (int) (hash >>> (64 - bits));
            if ((starts[first >>> 6] & 1L << first) != 0) {
                int second = (int) (hash >>> (64 - 2 * bits)) & mask;
                if ((starts[second >>> 6] & 1L << second) != 0) {
                    return i - (GRAM - 1);
                }
            }
        }
        return n;
    }

    /**
     * The text with each run of secret characters replaced by {@code mask}: where secrets overlap or one contains
     * another, the whole of their union goes under one mask, so no part of any of them is left; secrets that only
     * touch get a mask each. The same instance when the text holds no secret.
     */
    String mask(String text, String mask) {
        return mask(text, mask, this, EMPTY);
    }

    /** {@link #mask(String, String)} with the secrets of both matchers. */
    static String mask(String text, String mask, SecretMatcher one, SecretMatcher other) {
        int[] runs = one.runs(text, null);
        int before = runs == null ? 0 : runs[0];
        runs = other.runs(text, runs);
        if (runs == null) {
            return text;
        }
        int count = runs[0];
        if (before != 0 && count > before) {
            count = union(runs, count);
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int r = 0; r < count; r++) {
            out.append(text, from, runs[1 + 2 * r]).append(mask);
            from = runs[2 + 2 * r];
        }
        return out.append(text, from, text.length()).toString();
    }

    /**
     * Appends the runs of this matcher's secrets in the text to runs ({count, start, end, start, end ...}, ends
     * exclusive; null for none yet): in order, and not overlapping one another (they may overlap runs already there).
     * Null when there are none at all.
     */
    private int[] runs(String text, int[] runs) {
        int base = runs == null ? 0 : runs[0];
        int count = base;
        int state = 0;
        for (int i = firstStart(text), n = text.length(); i < n; i++) {
            state = next(state, text.charAt(i));
            int length = longest[state];
            if (length != 0) {
                // the longest secret ending here covers every shorter one ending here
                int start = i + 1 - length;
                if (runs == null) {
                    runs = new int[9];
                }
                // ends only grow; a secret may start before runs found so far end: those merge into it
                while (count > base && runs[2 * count] > start) {
                    count--;
                    start = Math.min(start, runs[1 + 2 * count]);
                }
                if (3 + 2 * count > runs.length) {
                    runs = Arrays.copyOf(runs, runs.length * 2 + 1);
                }
                runs[1 + 2 * count] = start;
                runs[2 + 2 * count] = i + 1;
                count++;
                runs[0] = count;
            }
        }
        return runs;
    }

    /** Sorts the runs by start and merges the overlapping ones; the number of runs left. */
    private static int union(int[] runs, int count) {
        for (int r = 1; r < count; r++) { // insertion sort: a line has a few runs at most
            int start = runs[1 + 2 * r];
            int end = runs[2 + 2 * r];
            int k = r - 1;
            while (k >= 0 && runs[1 + 2 * k] > start) {
                runs[3 + 2 * k] = runs[1 + 2 * k];
                runs[4 + 2 * k] = runs[2 + 2 * k];
                k--;
            }
            runs[3 + 2 * k] = start;
            runs[4 + 2 * k] = end;
        }
        int kept = 1;
        for (int r = 1; r < count; r++) {
            int start = runs[1 + 2 * r];
            int end = runs[2 + 2 * r];
            if (start < runs[2 * kept]) {
                runs[2 * kept] = Math.max(runs[2 * kept], end);
            } else {
                runs[1 + 2 * kept] = start;
                runs[2 + 2 * kept] = end;
                kept++;
            }
        }
        return kept;
    }

    /** States in the automaton, the root included (for tests). */
    int states() {
        return fail.length;
    }
}
