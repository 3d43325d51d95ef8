package io.senseprobe.definition;

import io.senseprobe.definition.RawValue.Entry;
import io.senseprobe.definition.RawValue.Mapping;
import io.senseprobe.definition.RawValue.Scalar;
import io.senseprobe.definition.RawValue.ScalarType;
import io.senseprobe.definition.RawValue.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code maintenance} list of a definition: each item either {@code {from, to}} (one-off) or
 * {@code {days, start, end, zone}} (weekly). Every bad item is a problem naming the field and the fix.
 */
final class MaintenanceRules {
    private static final String KEY = DefinitionKeys.MAINTENANCE;
    private static final Set<String> ONE_OFF = Set.of("from", "to");
    private static final Set<String> WEEKLY = Set.of("days", "start", "end", "zone");
    private static final String EXAMPLE = "Write each item as {from: \"2026-12-24T00:00+01:00\", to: \"2026-12-27T00:00+01:00\"}"
            + " or {days: [sun], start: \"02:00\", end: \"04:00\", zone: Europe/Stockholm}.";

    private MaintenanceRules() {
    }

    static List<MaintenanceWindow> windows(ConnectionValues values) {
        Entry entry = values.entry(KEY).orElse(null);
        if (entry == null) {
            return List.of();
        }
        if (!(entry.value() instanceof Sequence sequence)) {
            values.problem(KEY, "must be a list of windows, not " + entry.value().kind() + ".", EXAMPLE);
            return List.of();
        }
        List<MaintenanceWindow> windows = new ArrayList<>();
        for (RawValue item : sequence.items()) {
            int line = item.line() > 0 ? item.line() : entry.line();
            if (!(item instanceof Mapping mapping)) {
                values.problemAt(line, KEY, "every window must be a mapping, but one is " + item.kind() + ".", EXAMPLE);
                continue;
            }
            Map<String, RawValue> fields = new LinkedHashMap<>();
            mapping.entries().forEach(e -> fields.put(e.key(), e.value()));
            try {
                windows.add(window(fields));
            } catch (MaintenanceWindow.Invalid e) {
                values.problemAt(line, KEY, e.getMessage(), e.fix());
            }
        }
        return List.copyOf(windows);
    }

    private static MaintenanceWindow window(Map<String, RawValue> fields) {
        for (String key : fields.keySet()) {
            if (!ONE_OFF.contains(key) && !WEEKLY.contains(key)) {
                throw new MaintenanceWindow.Invalid("unknown field \"" + key + "\" in a window.",
                        "Use from/to for a one-off window or days/start/end/zone for a weekly one.");
            }
        }
        if (fields.containsKey("from") || fields.containsKey("to")) {
            if (fields.keySet().stream().anyMatch(WEEKLY::contains)) {
                throw new MaintenanceWindow.Invalid("a window has both one-off (from/to) and weekly fields.",
                        "Split it into two windows.");
            }
            return MaintenanceWindow.oneOff(text(fields, "from"), text(fields, "to"));
        }
        RawValue days = fields.get("days");
        List<String> dayTexts = new ArrayList<>();
        if (days instanceof Sequence s) {
            s.items().forEach(i -> dayTexts.add(i instanceof Scalar sc ? sc.text() : "?"));
        } else if (days instanceof Scalar sc && sc.type() != ScalarType.NULL) {
            dayTexts.addAll(List.of(sc.text().split(",")));
        } else {
            throw new MaintenanceWindow.Invalid("a weekly window needs \"days\".", "Add e.g. days: [sat, sun].");
        }
        return MaintenanceWindow.weekly(dayTexts, text(fields, "start"), text(fields, "end"), text(fields, "zone"));
    }

    private static String text(Map<String, RawValue> fields, String field) {
        if (fields.get(field) instanceof Scalar s && s.type() != ScalarType.NULL && !s.text().isBlank()) {
            return s.text();
        }
        throw new MaintenanceWindow.Invalid("the window has no \"" + field + "\".", EXAMPLE);
    }
}
