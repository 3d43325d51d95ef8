package io.senseprobe.definition;

import io.senseprobe.result.Category;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code depends-on} across all definition files: the named connection must exist, and following the names must
 * never come back to where it began (a cycle would hold every member's alerts for ever).
 */
final class DependsOnRules {
    private DependsOnRules() {
    }

    /** @param allNames every name given in the files (lower case), valid or not */
    static List<Problem> problems(List<Definition> definitions, Set<String> allNames, Map<String, Integer> lines) {
        Map<String, Definition> byName = new HashMap<>();
        definitions.forEach(d -> byName.put(d.name().toLowerCase(Locale.ROOT), d));
        List<Problem> problems = new ArrayList<>();
        for (Definition d : definitions) {
            String parent = parentOf(d);
            if (parent == null) {
                continue;
            }
            int line = lines.getOrDefault(d.name(), 0);
            if (!allNames.contains(parent.toLowerCase(Locale.ROOT))) {
                String suggestion = Suggestions.didYouMean(parent, byName.values().stream().map(Definition::name).toList());
                problems.add(new Problem(d.source(), line, d.name(), DefinitionKeys.DEPENDS_ON,
                        "names \"" + parent + "\", which is no connection in any definition file.",
                        (suggestion.isEmpty() ? "" : suggestion + " ") + "Name an existing connection, or remove depends-on.",
                        Category.INVALID_DEFINITION));
                continue;
            }
            List<String> path = cycleFrom(d, byName);
            if (path != null) {
                problems.add(new Problem(d.source(), line, d.name(), DefinitionKeys.DEPENDS_ON,
                        "the dependencies form a cycle: " + String.join(" -> ", path) + ".",
                        "Remove depends-on from one of these connections.", Category.INVALID_DEFINITION));
            }
        }
        return problems;
    }

    private static String parentOf(Definition d) {
        return d.overrides() == null ? null : d.overrides().dependsOn();
    }

    /** The names from {@code start} back to itself, or null when following depends-on ends somewhere else. */
    private static List<String> cycleFrom(Definition start, Map<String, Definition> byName) {
        Set<String> seen = new LinkedHashSet<>();
        Definition at = start;
        while (at != null && seen.add(at.name())) {
            String parent = parentOf(at);
            at = parent == null ? null : byName.get(parent.toLowerCase(Locale.ROOT));
            if (at == start) {
                List<String> path = new ArrayList<>(seen);
                path.add(start.name());
                return path;
            }
        }
        return null;
    }
}
