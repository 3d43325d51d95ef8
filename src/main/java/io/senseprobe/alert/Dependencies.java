package io.senseprobe.alert;

import io.senseprobe.definition.Definition;
import io.senseprobe.result.ResultKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code depends-on} at alert time: a dependent's failure waits while its parent's last check failed (the parent's
 * message lists it as affected), and is alerted on its own once the parent works again and it still fails.
 * A parent that is not in the inventory (any more) holds nothing.
 */
final class Dependencies {
    private final Supplier<Map<String, Definition>> definitions;

    Dependencies(Supplier<Map<String, Definition>> definitions) {
        this.definitions = definitions;
    }

    /** The parent, or its parent, whose last check failed, if any. */
    Optional<String> failingParentOf(String connection, Map<String, ConnectionAlertState> states) {
        Map<String, Definition> all = definitions.get();
        Definition d = all.get(connection);
        // depth-bounded: the loader refuses cycles, this is only a guard
        for (int depth = 0; d != null && d.overrides() != null && d.overrides().dependsOn() != null && depth < 32; depth++) {
            String parent = d.overrides().dependsOn();
            if (failing(parent, states)) {
                return Optional.of(parent);
            }
            d = all.get(parent);
        }
        return Optional.empty();
    }

    /** Every connection that depends on {@code parent}, directly or through others, in name order. */
    List<String> dependentsOf(String parent) {
        Map<String, Definition> all = definitions.get();
        List<String> found = new ArrayList<>();
        List<String> frontier = new ArrayList<>(List.of(parent));
        while (!frontier.isEmpty() && found.size() < all.size()) {
            String p = frontier.remove(0);
            all.values().stream()
                    .filter(d -> d.overrides() != null && p.equalsIgnoreCase(d.overrides().dependsOn()))
                    .map(Definition::name).sorted()
                    .filter(n -> !found.contains(n))
                    .forEach(n -> {
                        found.add(n);
                        frontier.add(n);
                    });
        }
        found.sort(String::compareTo);
        return found;
    }

    /** The dependents of {@code parent} whose last check failed too: the affected ones its message lists. */
    List<String> failingDependentsOf(String parent, Map<String, ConnectionAlertState> states) {
        return dependentsOf(parent).stream().filter(dependent -> failing(dependent, states)).toList();
    }

    private static boolean failing(String connection, Map<String, ConnectionAlertState> states) {
        return states.entrySet().stream().anyMatch(e -> ResultKeys.connectionOf(e.getKey()).equalsIgnoreCase(connection)
                && (e.getValue().failing || e.getValue().failures > 0));
    }
}
