package io.senseprobe.alert;

import io.senseprobe.definition.Definition;
import java.time.Duration;
import java.util.List;

/**
 * The thresholds and intervals for one connection: the settings, with the definition's own values where given, and
 * the destinations its alerts go to ({@link AlertRouting}).
 */
public record AlertPolicy(int failureThreshold, int successThreshold, boolean sendResolved, Duration reminderInterval,
        Duration rateLimit, List<String> destinations) {

    public static AlertPolicy of(AlertSettings settings, Definition definition) {
        Definition.Overrides r = definition == null || definition.overrides() == null ? Definition.Overrides.NONE
                : definition.overrides();
        return new AlertPolicy(
                r.failureThreshold() != null ? r.failureThreshold() : settings.failureThreshold(),
                r.successThreshold() != null ? r.successThreshold() : settings.successThreshold(),
                settings.sendResolved(),
                r.reminderInterval() != null ? r.reminderInterval() : settings.reminderInterval(),
                r.rateLimit() != null ? r.rateLimit() : settings.rateLimit(),
                AlertRouting.of(settings).destinationsOf(definition));
    }

    public boolean remindersOn() {
        return reminderInterval != null && !reminderInterval.isZero() && !reminderInterval.isNegative();
    }
}
