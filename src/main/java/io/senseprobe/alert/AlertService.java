package io.senseprobe.alert;

import io.senseprobe.result.ResultKeys;
import io.senseprobe.definition.Definition;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ExpiryWarnings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean {@code alertService}: turns inventory results into alert messages (state machine), renders them with the
 * templates and hands them to the destinations a definition's {@code alert-to} names through the spool, after
 * their group wait ({@link AlertGrouping}) when {@code sense.alert.group-wait} is on. Safe to call from several
 * threads: decisions, state file and spool writes are serialised; sending happens in the destinations' routes
 * ({@link AlertDelivery}).
 */
public final class AlertService implements Service {
    public static final String BEAN = "alertService";
    public static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(15));
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

    private final Object lock = new Object();
    // counters changed since the last write of alert-state.json (decisions are written at once)
    private boolean stateDirty;
    private final AlertSettings settings;
    private final AlertTemplates templates;
    private final AlertStateStore store;
    // replaced when this instance takes over from another one (cluster): the state the last owner wrote
    private AlertStateMachine machine;
    private final AlertDelivery delivery;
    // null when sense.alert.group-wait is 0: every message goes out at once
    private final AlertGrouping grouping;
    private final Clock clock;
    private volatile Predicate<String> connectionExists = connection -> true;
    private volatile ExpiryWarnings expiry = ExpiryWarnings.DEFAULT;
    private volatile BooleanSupplier owner = () -> true;
    private volatile AlertStateMachine.Hold hold = AlertStateMachine.Hold.NONE;
    private volatile Dependencies dependencies = new Dependencies(Map::of);
    private volatile Suppression suppression = Suppression.NONE;

    AlertService(AlertSettings settings, AlertTemplates templates, Path resultsDir, Clock clock,
            AlertDelivery delivery) {
        this.settings = settings;
        this.templates = templates;
        this.clock = clock;
        this.store = new AlertStateStore(resultsDir);
        this.machine = new AlertStateMachine(store.load());
        this.delivery = delivery;
        this.grouping = settings.grouping() ? new AlertGrouping(resultsDir, settings.groupWait()) : null;
    }

    /**
     * The service's way in, before the routes are loaded: templates from the app home, retries 1 s, 5 s, 15 s. The
     * destinations' beans are bound by the configuration (AlertDestinations in alert.provider), for the same settings.
     */
    public static AlertService create(CamelContext context, AlertSettings settings, Path resultsDir, Path appHome,
            Clock clock) {
        return create(context, settings, resultsDir, appHome, clock, RETRY_DELAYS);
    }

    /** As {@link #create(CamelContext, AlertSettings, Path, Path, Clock)}, with other retry delays (tests). */
    public static AlertService create(CamelContext context, AlertSettings settings, Path resultsDir, Path appHome,
            Clock clock, List<Duration> retryDelays) {
        AlertDelivery delivery = new AlertDelivery(context, settings.destinationIds(), new AlertSpool(resultsDir),
                retryDelays);
        AlertService service = new AlertService(settings, AlertTemplates.load(appHome), resultsDir, clock, delivery);
        LOG.info("Alerts: {}", service.destinationIds().isEmpty() ? "no destination set (sense.alert.*)" : settings);
        settings.warnings().forEach(warning -> LOG.warn("Alert settings: {}", warning));
        try {
            delivery.install();
            // Camel stops it (state file) after the routes
            context.addService(service, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("Could not register the alert service with Camel", e);
        }
        return service;
    }

    /** Every inventory result (never inbox results); {@code definition} may be null (no overrides). */
    public void onResult(CheckResult result, Definition definition) {
        if (result == null || result.connection() == null || !owner.getAsBoolean()) {
            return;
        }
        if (!connectionExists.test(result.connection()) || !connectionExists.test(ResultKeys.of(result))) {
            // a check that was still running when its connection was removed: nothing to say about it any more
            LOG.debug("No alert for {}: it left the inventory while being checked", ResultKeys.of(result));
            return;
        }
        AlertPolicy policy = AlertPolicy.of(settings, definition);
        synchronized (lock) {
            Instant now = clock.instant();
            List<AlertStateMachine.Decision> due = machine.onResult(result, policy, expiry, now);
            // the spool first, then the state: a kill -9 in between loses nothing, and the next start records the
            // spooled decision in the state (recordSpooled), so it is not decided again
            hand(due, now);
            if (due.isEmpty() && !machine.heldChanged()) {
                // only counters moved: written with the next tick, so a sweep of 1,000 results is not 1,000 writes
                stateDirty = true;
            } else {
                saveState();
            }
        }
    }

    private void saveState() {
        stateDirty = false;
        store.save(machine.states());
    }

    /**
     * Which connections and checks still exist (asked about the connection and about its {@code connection/check}
     * key; both must hold): at each tick the state of a connection removed from the
     * inventory, or of a check taken off its list, is dropped,
     * without a resolved message, and the late result of a check still running at its removal is ignored.
     * Every connection counts as existing unless this is set.
     */
    public void forgetUnless(Predicate<String> connectionExists) {
        this.connectionExists = connectionExists;
    }

    /**
     * The inventory's first look: a warning for each named destination that no definition's {@code alert-to} names
     * (its messages would never come).
     */
    public void inventoryLoaded(Collection<Definition> definitions) {
        NamedDestinations.unused(settings.named(), definitions.stream().map(d -> d.overrides() == null ? null
                : d.overrides().alertTo()).toList()).forEach(LOG::warn);
    }

    /** The sense.expiry.warn-days thresholds of the {@code expiring} messages ({@link ExpiryWarnings#DEFAULT} unless set). */
    public void warnBefore(ExpiryWarnings thresholds) {
        this.expiry = thresholds;
    }

    /**
     * Maintenance windows, silences and depends-on (issue 11): while one holds for a connection its failing and
     * reminder messages wait (checks and results go on); {@code definitions} are the inventory's active ones by name.
     */
    public void holdWith(Suppression suppression, Supplier<Map<String, Definition>> definitions) {
        Dependencies deps = new Dependencies(definitions);
        AlertStateMachine.Hold h = (connection, states, now) -> suppression.of(connection, now).map(Object::toString)
                .or(() -> deps.failingParentOf(connection, states)
                        .map(parent -> "it depends on " + parent + ", which fails (listed in its message)"))
                .orElse(null);
        synchronized (lock) {
            this.suppression = suppression;
            this.dependencies = deps;
            this.hold = h;
            machine.holdWhile(h);
        }
    }

    /** Who counts what became of each delivery attempt (sent, failed, spooled): the metrics. */
    public void countOutcomes(AlertOutcomes outcomes) {
        delivery.countOutcomes(outcomes);
    }

    /**
     * Whether this instance owns the alert state now (several instances over one app home: only the cluster's
     * leader may write alert-state.json or send the spool). Always, unless this is set.
     */
    public void ownedWhile(BooleanSupplier owner) {
        this.owner = owner;
    }

    /**
     * This instance has just become the owner: it goes on from the state the last owner wrote (its own copy may be
     * as old as this instance's start) and sends what the last owner left in the spool.
     */
    public void takeOver() {
        synchronized (lock) {
            machine = new AlertStateMachine(store.load());
            machine.holdWhile(hold);
            stateDirty = false;
            if (grouping != null) {
                grouping.resume();
            }
            // in the same hold of the lock: no result may be decided between the last owner's state and its spool
            recordSpooled();
        }
        delivery.takeOver();
    }

    /**
     * A one-off message outside thresholds and state: an inventory file that turned invalid (once per content,
     * {@link AlertKind#FAILING}) or became valid again ({@link AlertKind#RESOLVED}).
     */
    public void announce(AlertKind kind, CheckResult result) {
        if (!owner.getAsBoolean()) {
            return;
        }
        synchronized (lock) {
            Instant now = clock.instant();
            String key = ResultKeys.of(result);
            hand(settings.defaultIds().stream()
                    .map(id -> new AlertStateMachine.Decision(key, id, kind, result, result.checkedAt(), null)).toList(), now);
        }
    }

    /** Every inventory tick: reminders, failing messages the rate limit held back, and the spool replay. */
    public void tick() {
        if (!owner.getAsBoolean()) {
            return;
        }
        suppression.refresh();
        synchronized (lock) {
            Instant now = clock.instant();
            boolean[] changed = {false};
            List<String> forgotten = machine.forgetUnless(connectionExists);
            if (!forgotten.isEmpty()) {
                LOG.info("Alerts: forgot {} (no longer in the inventory; no resolved message is sent)", forgotten);
                changed[0] = true;
            }
            List<AlertStateMachine.Decision> due = machine.tick(settings.defaultIds(), now, changed);
            // the spool first, then the state, as in onResult
            hand(due, now);
            releaseGroups(now);
            if (changed[0] || stateDirty || !due.isEmpty() || machine.heldChanged()) {
                saveState();
            }
        }
        delivery.replay();
    }

    /** Waits until what was handed to the destinations so far has been sent or spooled (tests, orderly stops). */
    public boolean awaitDeliveries(Duration timeout) {
        try {
            return delivery.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public List<String> destinationIds() {
        return delivery.destinationIds();
    }

    /** Replays the spool; Camel's own call comes before the routes run, so its replay waits for them (AlertDelivery). */
    @Override
    public void start() {
        // a standby leaves the spool to the owner; it replays when it takes over
        if (owner.getAsBoolean()) {
            recordSpooled();
            delivery.replay();
        }
    }

    /**
     * Before the first replay of a run: the decisions the spool and the waiting groups hold that alert-state.json does
     * not show yet (the last run was killed between the two writes) are recorded, so none is decided again.
     */
    private void recordSpooled() {
        synchronized (lock) {
            List<AlertSpool.Spooled> all = new ArrayList<>(delivery.spooled());
            if (grouping != null) {
                all.addAll(grouping.waitingUnlessReleased(all));
            }
            int recorded = machine.recordSpooled(all, settings.defaultIds(), expiry);
            if (recorded > 0) {
                LOG.info("Alerts: {} spooled message(s) were decided after alert-state.json was last written (the last"
                        + " run stopped in between); recorded in it, so they are not decided again", recorded);
                saveState();
            }
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            if (stateDirty && owner.getAsBoolean()) {
                saveState();
            }
        }
        delivery.close();
    }

    /** For a failing or reminder message: its dependents whose last check failed too (held meanwhile). */
    private List<String> affected(AlertStateMachine.Decision d) {
        if (d.kind() != AlertKind.FAILING && d.kind() != AlertKind.REMINDER) {
            return List.of();
        }
        return dependencies.failingDependentsOf(d.result().connection(), machine.states());
    }

    /** The groups whose wait is over go to their destinations' spools, one message per kind and destination. */
    private void releaseGroups(Instant now) {
        if (grouping == null) {
            return;
        }
        for (AlertGroup group : grouping.due(now)) {
            if (!delivery.destinationIds().contains(group.destination())) {
                // configured no more: its messages wait, as its spool files do, until it is configured again
                continue;
            }
            AlertMessage message = group.message(templates, settings.groupMax(), grouping.waitTime(), now);
            LOG.debug("{} alert for {} to {} after the group wait", group.kind().id(), message.subjectKey(),
                    group.destination());
            // spooled before the waiting files go: a crash in between leaves both, and the next start drops the waiting
            // copies (AlertGrouping.waitingUnlessReleased), so the group is neither lost nor sent twice
            delivery.deliver(group.destination(), message);
            grouping.released(group);
        }
    }

    /**
     * Renders each decided message and sends it on: to its group (sense.alert.group-wait), else to its destination's
     * spool. Every message the state machine decides passes here, once per destination.
     */
    private void hand(List<AlertStateMachine.Decision> due, Instant now) {
        // render once per connection/check, kind and message (one per expiring item): each destination gets the same text
        Map<String, AlertMessage> rendered = new HashMap<>();
        for (AlertStateMachine.Decision d : due) {
            AlertMessage message = rendered.computeIfAbsent(d.key() + " " + d.kind().id() + " " + d.result().message(), k -> {
                List<String> affected = affected(d);
                AlertTemplates.Rendered r = templates.render(d.kind(), d.result(), d.since(), d.lastOk(), now, affected);
                return AlertMessage.single(d.kind(), d.since(), d.lastOk(), r.subject(), r.text(), now.toString(),
                        d.result(), affected);
            });
            LOG.debug("{} alert for {} to {}", d.kind().id(), d.key(), d.destination());
            if (grouping == null || !grouping.groups(d.kind()) || !grouping.add(d.destination(), message)) {
                delivery.deliver(d.destination(), message);
            }
        }
    }
}
