package io.senseprobe.check;

import io.senseprobe.definition.Definition;
import java.util.Collection;
import java.util.List;

/**
 * One check of one definition: what the routes split a definition into, so each check runs as its own pass of the
 * check route and yields its own result (and alert state). The check route also takes a bare Definition: its
 * default check.
 */
public record CheckStep(Definition definition, SenseCheck check) {

    /** The definition's checks in order ({@code checks:} or the defaults). */
    public static List<CheckStep> of(Definition definition) {
        return SenseCheck.of(definition).stream().map(check -> new CheckStep(definition, check)).toList();
    }

    /** Every check of every definition, definition by definition. */
    public static List<CheckStep> ofAll(Collection<Definition> definitions) {
        return definitions.stream().flatMap(d -> of(d).stream()).toList();
    }
}
