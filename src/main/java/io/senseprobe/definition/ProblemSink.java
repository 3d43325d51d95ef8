package io.senseprobe.definition;

import io.senseprobe.result.Category;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one source, so that validation can go on and report all of them. */
final class ProblemSink {
    private final Path file;
    private final List<Problem> problems = new ArrayList<>();

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

    int count() {
        return problems.size();
    }

    /** In line order, so the report reads top to bottom like the file. */
    List<Problem> problems() {
        return problems.stream().sorted(java.util.Comparator.comparingInt(Problem::line)).toList();
    }
}
