package io.senseprobe.definition;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for typos in keys and values. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code input}, if it is close enough to be a typo of it.
     * Case, '-' and '_' are ignored first, so {@code authType} and {@code auth_type} find {@code auth-type}.
     */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String typed = squash(input);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            // the distance is at least the difference in length: skip the table (input × candidate) when that is too far
            int d = squash(candidate).equals(typed) ? 0
                    : Math.abs(input.length() - candidate.length()) > allowedDistance(input) ? Integer.MAX_VALUE
                    : distance(input.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= allowedDistance(input) ? Optional.of(best) : Optional.empty();
    }

    /** "Did you mean \"x\"?" or "" when nothing is close. */
    public static String didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates).map(s -> "Did you mean \"" + s + "\"?").orElse("");
    }

    // short words tolerate two edits (qsewo -> qseow is a swap), long keys about a third of their length
    private static int allowedDistance(String input) {
        return Math.max(2, input.length() / 3);
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Optimal string alignment distance: Levenshtein where swapping two neighbours counts as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
