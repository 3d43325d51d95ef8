package io.senseprobe.alert;

import io.senseprobe.definition.CheckNames;
import io.senseprobe.definition.Target;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultKeys;
import io.senseprobe.result.ExpiryWarnings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, per connection/check and destination, which message is due: {@code failing} after the failure threshold,
 * {@code reminder} every reminder interval while failing, {@code resolved} after the success threshold. A failing or
 * reminder message within the rate limit of the previous one is held back (logged once) and goes out at the first
 * result or tick after the limit; resolutions are never held back. {@code expiring} goes out once per
 * {@code sense.expiry.warn-days} threshold and item of a result that did not fail, outside the failure counts and the
 * rate limit, so it never delays or hides a failure alert. Not thread-safe: the service serialises calls.
 */
final class AlertStateMachine {
    private static final Logger LOG = LoggerFactory.getLogger(AlertStateMachine.class);

    /** A message to send: what the templates and payloads need, fixed at the moment of the decision. */
    record Decision(String key, String destination, AlertKind kind, CheckResult result, String since, String lastOk) {
    }

    /**
     * Why a connection's failing or reminder message waits now (maintenance window, silence, failing parent); null:
     * it does not. The one point where issue 11's suppressions meet the decisions: a held message is remembered
     * ({@code held}, in the state file) and decided again at every result and tick, so it goes out once the hold
     * ends and the check still fails, and never when the check recovered meanwhile.
     */
    interface Hold {
        Hold NONE = (connection, states, now) -> null;

        String reason(String connection, Map<String, ConnectionAlertState> states, Instant now);
    }

    private final Map<String, ConnectionAlertState> states;
    private Hold hold = Hold.NONE;
    // a message was newly held since the last call of heldChanged(): worth writing the state at once
    private boolean newlyHeld;

    AlertStateMachine(Map<String, ConnectionAlertState> states) {
        this.states = new TreeMap<>(states);
    }

    void holdWhile(Hold hold) {
        this.hold = hold;
    }

    /** Whether a message was newly held since the last call. */
    boolean heldChanged() {
        boolean was = newlyHeld;
        newlyHeld = false;
        return was;
    }

    Map<String, ConnectionAlertState> states() {
        return states;
    }

    /** The messages a result makes due, to the policy's destinations (its alert-to or the defaults). */
    List<Decision> onResult(CheckResult result, AlertPolicy policy, ExpiryWarnings expiry, Instant now) {
        List<String> destinations = policy.destinations();
        String key = ResultKeys.of(result);
        ConnectionAlertState s = stateOf(key, result);
        s.policy = ConnectionAlertState.PolicyState.of(policy);
        List<Decision> due = new ArrayList<>();
        if (result.failed()) {
            s.successes = 0;
            s.failures++;
            if (s.failingSince == null) {
                // when the first failing check ran, not when its result got here (a check takes up to its timeout)
                s.failingSince = result.checkedAt() != null ? result.checkedAt() : now.toString();
            }
            s.lastFailure = result;
            if (s.failures >= policy.failureThreshold()) {
                s.failing = true;
            }
            for (String destination : destinations) {
                dueWhileFailing(key, s, destination, policy, now, due);
            }
        } else {
            s.failures = 0;
            s.successes++;
            s.lastOk = now.toString();
            if (s.successes >= policy.successThreshold()) {
                if (s.failing) {
                    // where the failure was announced, also when alert-to changed since
                    Set<String> told = new LinkedHashSet<>(destinations);
                    told.addAll(s.announcedTo());
                    for (String destination : told) {
                        resolve(key, s, destination, result, policy, due);
                    }
                }
                s.failureEnded();
            }
            dueExpiring(key, s, result, expiry, destinations, due);
        }
        return due;
    }

    /**
     * The decisions the spool and the waiting groups hold that the state does not show yet (the last run was killed
     * between a message's spool file and alert-state.json): see {@link SpooledDecisions}. Returns how many it recorded.
     */
    int recordSpooled(List<AlertSpool.Spooled> spooled, List<String> defaults, ExpiryWarnings expiry) {
        return new SpooledDecisions(states, this::stateOf, defaults, expiry).record(spooled);
    }

    /** Each item inside a threshold it was not announced at yet; items no longer near (renewed) are forgotten. */
    private static void dueExpiring(String key, ConnectionAlertState s, CheckResult result, ExpiryWarnings expiry,
            List<String> destinations, List<Decision> due) {
        List<ExpiryWarnings.Expiring> near = expiry.inside(result.certificates(), result.credentials());
        s.expiryAnnounced.keySet().retainAll(near.stream().map(e -> e.item().key()).toList());
        for (ExpiryWarnings.Expiring e : near) {
            Integer announced = s.expiryAnnounced.get(e.item().key());
            if (announced != null && announced <= e.threshold()) {
                continue;
            }
            s.expiryAnnounced.put(e.item().key(), e.threshold());
            CheckResult about = ExpiryWarnings.warningAbout(result, e.item());
            for (String destination : destinations) {
                due.add(new Decision(key, destination, AlertKind.EXPIRING, about, null, s.lastOk));
            }
        }
    }

    /**
     * Reminders, and failing messages the rate limit held back, to each state's destinations ({@code defaults} for a
     * state written before alert-to). Returns true in {@code changed[0]} when state moved.
     */
    List<Decision> tick(List<String> defaults, Instant now, boolean[] changed) {
        List<Decision> due = new ArrayList<>();
        for (Map.Entry<String, ConnectionAlertState> e : states.entrySet()) {
            ConnectionAlertState s = e.getValue();
            if (!s.failing || s.lastFailure == null || s.policy == null) {
                continue;
            }
            AlertPolicy policy = s.policy.toPolicy(defaults);
            for (String destination : policy.destinations()) {
                boolean wasSuppressed = s.destination(destination).suppressed;
                boolean wasHeld = s.destination(destination).held;
                dueWhileFailing(e.getKey(), s, destination, policy, now, due);
                changed[0] |= wasSuppressed != s.destination(destination).suppressed
                        || wasHeld != s.destination(destination).held;
            }
        }
        changed[0] |= !due.isEmpty();
        return due;
    }

    /**
     * The state of the result's connection and check. A state file written when a connection had one check keys
     * it by the connection alone: that state is the connection's default check's, and moves to its own key.
     */
    ConnectionAlertState stateOf(String key, CheckResult result) {
        ConnectionAlertState s = states.get(key);
        if (s == null) {
            boolean defaultCheck = result.target() != null && CheckNames.defaultOf(
                    Target.valueOf(result.target().toUpperCase(java.util.Locale.ROOT))).equals(result.check());
            s = defaultCheck ? states.remove(result.connection()) : null;
            states.put(key, s == null ? new ConnectionAlertState() : s);
            s = states.get(key);
        }
        return s;
    }

    /** Drops the state of connections that no longer exist (no resolved is sent); returns the names dropped. */
    List<String> forgetUnless(java.util.function.Predicate<String> connectionExists) {
        List<String> dropped = new ArrayList<>();
        states.keySet().removeIf(key -> {
            // and the key itself: a check taken off a connection's list goes like a removed connection
            if (connectionExists.test(ResultKeys.connectionOf(key)) && connectionExists.test(key)) {
                return false;
            }
            dropped.add(key);
            return true;
        });
        return dropped;
    }

    private void dueWhileFailing(String key, ConnectionAlertState s, String destination, AlertPolicy policy,
            Instant now, List<Decision> due) {
        if (!s.failing) {
            return;
        }
        ConnectionAlertState.DestinationState d = s.destination(destination);
        AlertKind kind;
        if (!d.announced) {
            kind = AlertKind.FAILING;
        } else if (policy.remindersOn() && !now.isBefore(at(d.lastAnnouncedAt).plus(policy.reminderInterval()))) {
            kind = AlertKind.REMINDER;
        } else {
            return;
        }
        String heldBecause = hold.reason(s.lastFailure.connection(), states, now);
        if (heldBecause != null) {
            if (!d.held) {
                d.held = true;
                newlyHeld = true;
                LOG.info("Held back {} alert for connection {} (check {}) to {}: {}; it goes out when that ends and"
                        + " the check still fails", kind.id(), s.lastFailure.connection(), s.lastFailure.check(),
                        destination, heldBecause);
            }
            return;
        }
        if (d.lastSentAt != null && now.isBefore(at(d.lastSentAt).plus(policy.rateLimit()))) {
            if (!d.suppressed) {
                d.suppressed = true;
                LOG.info("Suppressed {} alert for connection {} (check {}) to {}: rate limit {} since the last message"
                        + " at {}; it goes out when the limit has passed", kind.id(), s.lastFailure.connection(),
                        s.lastFailure.check(), destination, human(policy.rateLimit()), d.lastSentAt);
            }
            return;
        }
        s.announcedTo(destination, now.toString());
        due.add(new Decision(key, destination, kind, s.lastFailure, s.failingSince, s.lastOk));
    }

    private static void resolve(String key, ConnectionAlertState s, String destination, CheckResult ok,
            AlertPolicy policy, List<Decision> due) {
        ConnectionAlertState.DestinationState d = s.destination(destination);
        if (d.announced && policy.sendResolved()) {
            due.add(new Decision(key, destination, AlertKind.RESOLVED, ok, s.failingSince, s.lastOk));
        } else if (d.announced) {
            LOG.info("Suppressed resolved alert for connection {} (check {}) to {}: sense.alert.send-resolved is false",
                    ok.connection(), ok.check(), destination);
        } else if (d.held) {
            LOG.info("Connection {} (check {}) recovered while its failing alert to {} was held back; nothing sent",
                    ok.connection(), ok.check(), destination);
        } else if (d.suppressed) {
            LOG.info("Connection {} (check {}) recovered before its failing alert to {} got past the rate limit;"
                    + " nothing sent", ok.connection(), ok.check(), destination);
        }
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000L == 0 && ms > 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0 && ms > 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0 && ms > 0) {
            return ms / 60_000L + "m";
        }
        if (ms % 1000L == 0) {
            return ms / 1000L + "s";
        }
        return ms + "ms";
    }
}
