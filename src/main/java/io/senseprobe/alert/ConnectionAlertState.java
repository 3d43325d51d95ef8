package io.senseprobe.alert;

import io.senseprobe.result.CheckResult;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the alerting remembers about one connection and check, as alert-state.json holds it. Mutable, guarded by the
 * alert service's lock; public fields so the file is plain to read. Instants are ISO-8601 text.
 */
public final class ConnectionAlertState {
    public int failures;
    public int successes;
    /** The failure threshold was reached and no resolution has followed yet. */
    public boolean failing;
    public String failingSince;
    public String lastOk;
    /** The result the failing and reminder messages describe (a restart still has it for reminders). */
    public CheckResult lastFailure;
    /** The policy of the last result, so a tick (even right after a restart) uses the definition's overrides. */
    public PolicyState policy;
    public Map<String, DestinationState> destinations = new TreeMap<>();
    /** Per expiring item (role, subject, end date): the smallest warn-days threshold already announced for it. */
    public Map<String, Integer> expiryAnnounced = new TreeMap<>();

    DestinationState destination(String id) {
        return destinations.computeIfAbsent(id, k -> new DestinationState());
    }

    /** A failing or reminder message went to destination {@code id} at {@code at} (ISO-8601). */
    void announcedTo(String id, String at) {
        DestinationState d = destination(id);
        d.announced = true;
        d.suppressed = false;
        d.held = false;
        d.lastSentAt = at;
        d.lastAnnouncedAt = at;
    }

    /** The destinations this failure was announced to. */
    Set<String> announcedTo() {
        Set<String> told = new LinkedHashSet<>();
        destinations.forEach((id, d) -> {
            if (d.announced) {
                told.add(id);
            }
        });
        return told;
    }

    /** The failure is over, everywhere. lastSentAt stays: a failure right after it is still held to the rate limit. */
    void failureEnded() {
        failing = false;
        failingSince = null;
        lastFailure = null;
        for (DestinationState d : destinations.values()) {
            d.announced = false;
            d.suppressed = false;
            d.held = false;
            d.lastAnnouncedAt = null;
        }
    }

    /** Per destination: was this failure announced there, and when did it last get a message. */
    public static final class DestinationState {
        public boolean announced;
        public String lastSentAt;
        public String lastAnnouncedAt;
        /** A message is held back by the rate limit (logged once, sent when the limit has passed). */
        public boolean suppressed;
        /** A message is held back by a maintenance window, a silence or a failing parent (logged once). */
        public boolean held;
    }

    public static final class PolicyState {
        public int failureThreshold;
        public int successThreshold;
        public boolean sendResolved;
        public long reminderIntervalMs;
        public long rateLimitMs;
        /** Where its alerts go (alert-to or the defaults); absent from a state file written before alert-to. */
        public List<String> destinations;

        static PolicyState of(AlertPolicy p) {
            PolicyState s = new PolicyState();
            s.failureThreshold = p.failureThreshold();
            s.successThreshold = p.successThreshold();
            s.sendResolved = p.sendResolved();
            s.reminderIntervalMs = p.reminderInterval().toMillis();
            s.rateLimitMs = p.rateLimit().toMillis();
            s.destinations = p.destinations();
            return s;
        }

        /** {@code defaults}: the destinations of a state written before alert-to existed (it went to them all). */
        AlertPolicy toPolicy(List<String> defaults) {
            return new AlertPolicy(failureThreshold, successThreshold, sendResolved,
                    Duration.ofMillis(reminderIntervalMs), Duration.ofMillis(rateLimitMs),
                    destinations == null ? defaults : destinations);
        }
    }
}
