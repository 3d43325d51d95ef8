package io.senseprobe.service;

import io.senseprobe.alert.AlertKind;
import io.senseprobe.alert.AlertService;
import io.senseprobe.definition.Problem;
import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.Status;
import io.senseprobe.definition.Definition;
import java.nio.file.Path;
import java.util.Collection;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Alerts about the inventory's own files: a file that turned invalid is announced once per content, and its
 * repair too. The record is named after the file, with check {@code definition}.
 */
record DefinitionFileAlerts(AlertService alerts, Clock clock) implements DefinitionFileEvents {
    static final String CHECK = "definition";

    @Override
    public void invalid(Path file, List<Problem> problems, List<String> keptConnections) {
        String kept = keptConnections.isEmpty() ? "None of its connections run until it is fixed."
                : "Its connections keep their last good definition: " + String.join(", ", keptConnections) + ".";
        String message = "The connection file " + file.getFileName() + " is invalid (" + problems.size()
                + (problems.size() == 1 ? " problem): " : " problems): ")
                + problems.stream().map(p -> p.describe(file.getParent())).collect(Collectors.joining(" ")) + " " + kept;
        alerts.announce(AlertKind.FAILING, record(file, Status.FAILED, Category.INVALID_DEFINITION, message,
                Category.INVALID_DEFINITION.defaultHint()));
    }

    @Override
    public void valid(Path file) {
        alerts.announce(AlertKind.RESOLVED, record(file, Status.OK, Category.OK,
                "The connection file " + file.getFileName() + " is valid again.", ""));
    }

    @Override
    public void firstLoaded(Collection<Definition> active) {
        alerts.inventoryLoaded(active);
    }

    private CheckResult record(Path file, Status status, Category category, String message, String hint) {
        return CheckResult.about(file.getFileName().toString(), CHECK, status, category, message, hint, clock.instant());
    }
}
