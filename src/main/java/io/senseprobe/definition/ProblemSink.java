package io.senseprobe.definition;

import io.senseprobe.result.Category;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the problems of one source, so that validation can go on and report all of them. */
final class ProblemSink {
    private final Path file;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Path, Problem> notes = new LinkedHashMap<>();

    ProblemSink(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void add(int line, String connection, String key, String message, String fix) {
        add(line, connection, key, message, fix, Category.INVALID_DEFINITION);
    }

    void add(int line, String connection, String key, String message, String fix, Category category) {
        problems.add(new Problem(file, line, connection, key, message, fix, category));
    }

    /**
     * A warning about {@code subject} (a file that holds secrets, see {@link LooseFiles}): it does not stop the
     * connection. One per subject file, however many connections name it; logged once per process.
     */
    void note(Path subject, String mode, int line, String connection, String key, String message, String fix) {
        if (!notes.containsKey(subject)) {
            Problem note = new Problem(file, line, connection, key, message, fix, Category.INVALID_DEFINITION);
            notes.put(subject, note);
            LooseFiles.logOnce(note, subject, mode);
        }
    }

    List<Problem> notes() {
        return List.copyOf(notes.values());
    }

    int count() {
        return problems.size();
    }

    /** In line order, so the report reads top to bottom like the file. */
    List<Problem> problems() {
        return problems.stream().sorted(java.util.Comparator.comparingInt(Problem::line)).toList();
    }
}
