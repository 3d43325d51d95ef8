package io.senseprobe.cli;

import io.senseprobe.definition.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.UnmatchedArgumentException;

/** "Did you mean --auth-cert-key-file?" for a mistyped option, with the edit distance definition files use. */
final class OptionSuggestions {
    private OptionSuggestions() {
    }

    static List<String> of(UnmatchedArgumentException e) {
        List<String> names = e.getCommandLine().getCommandSpec().options().stream()
                .flatMap(o -> Arrays.stream(o.names())).filter(n -> n.startsWith("--")).toList();
        return e.getUnmatched().stream().filter(arg -> arg.startsWith("--"))
                .map(arg -> arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg).distinct()
                .map(arg -> closest(arg, names).map(n -> "Did you mean " + n + " instead of " + arg + "?"))
                .flatMap(Optional::stream).toList();
    }

    private static Optional<String> closest(String typed, List<String> names) {
        return Suggestions.closest(typed.substring(2), names.stream().map(n -> n.substring(2)).toList()).map(n -> "--" + n);
    }
}
