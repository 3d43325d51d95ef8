package io.senseprobe.alert;

import io.senseprobe.definition.Definition;
import io.senseprobe.definition.MaintenanceWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Is a connection's failing or reminder alert to be held back at an instant, and why: one of its definition's
 * maintenance windows, a service-wide one ({@code sense.alert.maintenance}) or a silence ({@code out/silences.json}).
 * Checks and results go on as ever; only these messages wait.
 */
public final class Suppression {
    /** Why: "maintenance" or "silence", and which window or silence id, for the log and the status. */
    public record Reason(String kind, String what) {
        @Override
        public String toString() {
            return kind.equals("silence") ? "silence " + what : "maintenance window " + what;
        }
    }

    public static final Suppression NONE = new Suppression(List.of(), null, Map::of);

    private final List<MaintenanceWindow> serviceWide;
    private final SilenceFile silences;
    private final Supplier<Map<String, Definition>> definitions;

    /**
     * @param silences null: none
     * @param definitions the inventory's active definitions by name, for their own windows
     */
    public Suppression(List<MaintenanceWindow> serviceWide, SilenceFile silences,
            Supplier<Map<String, Definition>> definitions) {
        this.serviceWide = List.copyOf(serviceWide);
        this.silences = silences;
        this.definitions = definitions;
    }

    /** Reads out/silences.json again if it changed: once per alerts tick, so a silence added meanwhile holds from then. */
    public void refresh() {
        if (silences != null) {
            silences.refresh();
        }
    }

    public Optional<Reason> of(String connection, Instant t) {
        Definition d = definitions.get().get(connection);
        if (d != null && d.overrides() != null) {
            for (MaintenanceWindow w : d.overrides().maintenance()) {
                if (w.covers(t)) {
                    return Optional.of(new Reason("maintenance", w.describe()));
                }
            }
        }
        for (MaintenanceWindow w : serviceWide) {
            if (w.covers(t)) {
                return Optional.of(new Reason("maintenance", w.describe() + " (sense.alert.maintenance)"));
            }
        }
        if (silences != null) {
            for (Silence s : silences.current()) {
                if (s.activeAt(t) && s.covers(connection)) {
                    return Optional.of(new Reason("silence", s.id()));
                }
            }
        }
        return Optional.empty();
    }
}
