package io.senseprobe.definition;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What loading found: the connections that validated and every problem.
 * A connection with any problem is left out of {@link #definitions()}; callers that must not run half a
 * configuration check {@link #ok()} first. {@link #notes()} are warnings that stop nothing (files holding secrets
 * that group or others can read).
 */
public record LoadResult(List<Definition> definitions, List<Problem> problems, List<Problem> notes) {

    public LoadResult {
        definitions = List.copyOf(definitions);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public LoadResult(List<Definition> definitions, List<Problem> problems) {
        this(definitions, problems, List.of());
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** Every problem on its own line, files relative to {@code base} where possible. */
    public String describeProblems(Path base) {
        return problems.stream().map(p -> p.describe(base)).collect(Collectors.joining(System.lineSeparator()));
    }
}
