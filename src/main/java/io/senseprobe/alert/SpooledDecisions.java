package io.senseprobe.alert;

import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ExpiryWarnings;
import io.senseprobe.result.ResultKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions a killed run left in the spool (or waiting for their group) without writing them to
 * alert-state.json: every decision is spooled first and the state written next, so a kill in between loses nothing
 * but leaves a message the state does not show. Recorded here before the run's first replay, each message goes out
 * once and is not decided again:
 * <ul>
 * <li>failing and reminder: announced to that destination at the message's time;</li>
 * <li>resolved and expiring: only when every destination that should get it holds it (a kill between two
 * destinations' files leaves the state as it was, so the next result decides it again for all: one destination
 * gets it twice rather than another never);</li>
 * <li>a message older than the state's last word on it (a success after it, a later announcement) changes
 * nothing, so hours of spooled messages of a destination that was down never undo the state.</li>
 * </ul>
 * The announcements about definition files live outside the state. Runs under the alert service's lock.
 */
final class SpooledDecisions {
    private static final Logger LOG = LoggerFactory.getLogger(SpooledDecisions.class);

    private final Map<String, ConnectionAlertState> states;
    private final BiFunction<String, CheckResult, ConnectionAlertState> stateOf;
    private final List<String> defaults;
    private final ExpiryWarnings expiry;

    SpooledDecisions(Map<String, ConnectionAlertState> states,
            BiFunction<String, CheckResult, ConnectionAlertState> stateOf, List<String> defaults, ExpiryWarnings expiry) {
        this.states = states;
        this.stateOf = stateOf;
        this.defaults = defaults;
        this.expiry = expiry;
    }

    /** One connection's message (a group's entries one by one) and the destinations whose spool holds it. */
    private record Decided(AlertMessage message, Set<String> destinations) {
    }

    /** Returns how many decisions changed the state. */
    int record(List<AlertSpool.Spooled> spooled) {
        int recorded = 0;
        for (Decided decided : decisions(spooled)) {
            try {
                if (record(decided)) {
                    recorded++;
                }
            } catch (RuntimeException notADecision) {
                LOG.warn("Alerts: the spooled {} alert for {} is not a decision that can be recorded ({}); it is still"
                        + " delivered", decided.message().kind().id(), decided.message().subjectKey(),
                        notADecision.getMessage());
            }
        }
        return recorded;
    }

    /** The whole single messages, oldest first, each with every destination that holds it. */
    private static List<Decided> decisions(List<AlertSpool.Spooled> spooled) {
        Map<String, Decided> byIdentity = new LinkedHashMap<>();
        // AlertSpool.read made sure each is whole
        for (AlertSpool.Spooled s : spooled) {
            List<AlertMessage> singles = s.message().hasGroup() ? s.message().group() : List.of(s.message());
            for (AlertMessage m : singles) {
                if (m.result().connection() != null) {
                    byIdentity.computeIfAbsent(m.decisionKey(), k -> new Decided(m, new LinkedHashSet<>()))
                            .destinations().add(s.destination());
                }
            }
        }
        return new ArrayList<>(byIdentity.values());
    }

    private boolean record(Decided decided) {
        AlertMessage message = decided.message();
        CheckResult result = message.result();
        if (result.category() == Category.INVALID_DEFINITION) {
            return false;
        }
        String key = ResultKeys.of(result);
        Instant created = Instant.parse(message.createdAt());
        ConnectionAlertState known = states.get(key);
        if (known == null ? message.kind() == AlertKind.RESOLVED
                : known.lastOk != null && !Instant.parse(known.lastOk).isBefore(created)) {
            // nothing to resolve, or the state has seen a success since: it is newer than the message
            return false;
        }
        ConnectionAlertState s = stateOf.apply(key, result);
        return switch (message.kind()) {
            case FAILING, REMINDER -> announced(s, message, decided.destinations(), created);
            case RESOLVED -> resolved(s, message, decided.destinations());
            case EXPIRING -> expiring(s, message, decided.destinations());
        };
    }

    private static boolean announced(ConnectionAlertState s, AlertMessage message, Set<String> destinations,
            Instant created) {
        boolean changed = false;
        for (String destination : destinations) {
            String last = s.destination(destination).lastAnnouncedAt;
            if (last == null || Instant.parse(last).isBefore(created)) {
                s.failing = true;
                s.failures = Math.max(s.failures, 1);
                s.successes = 0;
                s.failingSince = s.failingSince != null ? s.failingSince : message.since();
                s.lastFailure = message.result();
                s.announcedTo(destination, message.createdAt());
                changed = true;
            }
        }
        return changed;
    }

    private static boolean resolved(ConnectionAlertState s, AlertMessage message, Set<String> destinations) {
        Set<String> told = s.announcedTo();
        if (told.isEmpty() || !destinations.containsAll(told)) {
            return false;
        }
        s.failureEnded();
        s.failures = 0;
        s.lastOk = message.createdAt();
        return true;
    }

    private boolean expiring(ConnectionAlertState s, AlertMessage message, Set<String> destinations) {
        List<String> to = s.policy == null ? defaults : s.policy.toPolicy(defaults).destinations();
        if (!destinations.containsAll(to)) {
            return false;
        }
        CheckResult result = message.result();
        for (ExpiryWarnings.Expiring e : expiry.inside(result.certificates(), result.credentials())) {
            Integer announced = s.expiryAnnounced.get(e.item().key());
            if (ExpiryWarnings.warningAbout(result, e.item()).message().equals(result.message())
                    && (announced == null || announced > e.threshold())) {
                s.expiryAnnounced.put(e.item().key(), e.threshold());
                return true;
            }
        }
        return false;
    }
}
