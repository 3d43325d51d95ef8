package io.senseprobe.alert;

import io.senseprobe.definition.Definition;
import java.util.List;

/**
 * Which destinations a definition's alerts go to: its {@code alert-to} ids ({@code []}: none), or without it every
 * configured default destination (email, slack, teams, webhook). An id that is not configured is left out here; the
 * definition loader already made it a problem of the file (DefinitionLoader#withAlertDestinations).
 */
record AlertRouting(List<String> defaults, List<String> configured) {

    static AlertRouting of(AlertSettings settings) {
        return new AlertRouting(settings.defaultIds(), settings.destinationIds());
    }

    List<String> destinationsOf(Definition definition) {
        List<String> alertTo = definition == null || definition.overrides() == null ? null
                : definition.overrides().alertTo();
        return alertTo == null ? defaults : configured.stream().filter(alertTo::contains).toList();
    }
}
