package io.senseprobe.service;

import io.senseprobe.check.CheckStep;
import io.senseprobe.definition.Definition;
import io.senseprobe.result.CheckResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One claimed inbox file on its way to .done or .error: the route's body between claim, check and finish. */
public final class InboxJob {
    private final Path claimed;
    private final List<String> problems = new ArrayList<>();
    private List<Definition> definitions = List.of();
    private List<CheckResult> results = List.of();

    public InboxJob(Path claimed) {
        this.claimed = claimed;
    }

    public Path claimed() {
        return claimed;
    }

    public String claimedName() {
        return claimed.getFileName().toString();
    }

    public List<String> problems() {
        return problems;
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public List<Definition> definitions() {
        return definitions;
    }

    /** Every check of every definition, in the file's order: what the inbox route splits the job into. */
    public List<CheckStep> checkSteps() {
        return CheckStep.ofAll(definitions);
    }

    void recordDefinitions(List<Definition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    /** The records of this file's checks, empty when it was invalid; the route sends each to the sinks. */
    public List<CheckResult> results() {
        return results;
    }

    void recordResults(List<CheckResult> results) {
        this.results = List.copyOf(results);
    }
}
