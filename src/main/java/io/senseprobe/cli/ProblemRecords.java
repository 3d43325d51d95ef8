package io.senseprobe.cli;

import io.senseprobe.definition.Problem;
import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Validation problems as result records (one per connection), so --json output is records also then. */
final class ProblemRecords {
    private ProblemRecords() {
    }

    static List<CheckResult> of(List<Problem> problems, String check, Instant now) {
        return of(problems, check, now, p -> withoutFix(p).describe(), UnaryOperator.identity());
    }

    /** As {@link #of(List, String, Instant)}, with the problem's sentence and its fix worded by the caller. */
    static List<CheckResult> of(List<Problem> problems, String check, Instant now, Function<Problem, String> sentence,
            UnaryOperator<String> fixWords) {
        Map<String, List<Problem>> byConnection = new LinkedHashMap<>();
        for (Problem p : problems) {
            String connection = p.connection() == null ? String.valueOf(p.file()) : p.connection();
            byConnection.computeIfAbsent(connection, k -> new ArrayList<>()).add(p);
        }
        List<CheckResult> records = new ArrayList<>();
        byConnection.forEach((connection, list) -> records.add(CheckResult.about(connection, check, Status.FAILED,
                category(list),
                list.stream().map(sentence).collect(Collectors.joining(" ")),
                list.stream().map(Problem::fix).filter(f -> f != null && !f.isEmpty()).map(fixWords).distinct()
                        .collect(Collectors.joining(" ")),
                now)));
        return records;
    }

    /** The problem without its fix, which goes into the record's hint. */
    static Problem withoutFix(Problem p) {
        return new Problem(p.file(), p.line(), p.connection(), p.key(), p.message(), null, p.category());
    }

    /** Invalid definition wins over a PEM problem: it is the first thing to fix. */
    private static Category category(List<Problem> problems) {
        return problems.stream().map(Problem::category).filter(c -> c == Category.INVALID_DEFINITION).findFirst()
                .orElse(problems.get(0).category());
    }
}
