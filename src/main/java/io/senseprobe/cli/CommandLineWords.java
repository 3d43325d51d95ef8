package io.senseprobe.cli;

import io.senseprobe.definition.Problem;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Definition problems and hints in command-line words: {@code --auth-user-id is missing}, {@code --secure false}.
 * The definition rules speak of keys ({@code secure: false}) because files are their first reader; on the command
 * line the same keys are options, so their mentions are rewritten here rather than worded twice at each rule.
 */
final class CommandLineWords {
    private final Map<String, String> labels;
    private final List<Pattern> quotedAssignments;
    private final List<Pattern> assignments;
    private final List<Pattern> mentions;

    /** @param labels the definition keys that are options of the command (long names without "--"), with their labels */
    CommandLineWords(Map<String, String> labels) {
        this.labels = labels;
        List<String> longestFirst = labels.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        // "auth-user-id: ..." and "secure: false" as a whole become "--auth-user-id ..." and "--secure false"
        quotedAssignments = longestFirst.stream().map(k -> Pattern.compile("\"(" + Pattern.quote(k) + "): ([^\"]*)\"")).toList();
        assignments = longestFirst.stream().map(k -> Pattern.compile("(?<![\\w-])(" + Pattern.quote(k) + "): ")).toList();
        // a key named on its own: quoted ("auth-cert-file"), or bare when it cannot be an ordinary word (it has a '-')
        mentions = longestFirst.stream().map(k -> Pattern.compile(k.contains("-")
                ? "\"?(?<![\\w-])(" + Pattern.quote(k) + ")(?![\\w-])\"?" : "\"(" + Pattern.quote(k) + ")\"")).toList();
    }

    /** The problem as one line without the "command line: connection ..." prefix a file's problem has. */
    String problem(Problem p) {
        String message = text(p.message());
        String fix = p.fix() == null || p.fix().isEmpty() ? "" : " " + text(p.fix());
        if (p.key() == null) {
            return capitalized(message) + fix;
        }
        String option = "--" + p.key();
        // "missing; it is required ..." reads "--auth-user-id is missing; ..."; a sentence of its own keeps a colon
        String joined = message.startsWith("missing") ? option + " is " + message
                : message.matches("^(is|must|belongs|has) .*") ? option + " " + message : option + ": " + message;
        return joined + fix;
    }

    String text(String text) {
        String t = text;
        for (Pattern p : quotedAssignments) {
            // "Add \"auth-user-id: ...\"" names what to give: "Add --auth-user-id ID"
            t = p.matcher(t).replaceAll(m -> Matcher.quoteReplacement("--" + m.group(1) + " "
                    + (m.group(2).equals("...") ? labels.get(m.group(1)) : m.group(2))));
        }
        for (Pattern p : assignments) {
            t = p.matcher(t).replaceAll(m -> Matcher.quoteReplacement("--" + m.group(1) + " "));
        }
        for (Pattern p : mentions) {
            t = p.matcher(t).replaceAll(m -> Matcher.quoteReplacement("--" + m.group(1)));
        }
        return t;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
