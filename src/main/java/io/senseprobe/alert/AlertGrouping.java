package io.senseprobe.alert;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sense.alert.group-wait}: failing, reminder and resolved messages wait in
 * {@code <results dir>/undelivered/grouping/} (one file each, like the spool, so a restart keeps them) until the
 * oldest one for their destination is {@code group-wait} old; then each kind goes out as one message per
 * destination ({@link AlertGroup}). A connection alone in its group still gets its own message, after the wait.
 * Expiring messages never wait. Not thread-safe: the alert service serialises calls.
 */
final class AlertGrouping {
    static final String DIR = "grouping";
    private static final Logger LOG = LoggerFactory.getLogger(AlertGrouping.class);
    /** The order a release sends its groups in: a resolution never overtakes its failure. */
    private static final List<AlertKind> ORDER = List.of(AlertKind.FAILING, AlertKind.REMINDER, AlertKind.RESOLVED);

    private final AlertSpool waiting;
    private final Duration wait;
    // per destination, when its oldest waiting message was decided, so a tick reads no file before a group is due;
    // null until the folder was first read (what a run before a restart left waiting)
    private Map<String, Instant> oldest;

    AlertGrouping(Path resultsDir, Duration wait) {
        this.waiting = AlertSpool.in(resultsDir.resolve(AlertSpool.DIR).resolve(DIR));
        this.wait = wait;
    }

    Duration waitTime() {
        return wait;
    }

    /** Whether a message of this kind waits for its group. */
    boolean groups(AlertKind kind) {
        return ORDER.contains(kind);
    }

    /** Keeps the message for its group; false when it could not be written (then it goes out on its own). */
    boolean add(String destination, AlertMessage message) {
        try {
            waiting.add(destination, message);
            if (oldest != null) {
                oldest.putIfAbsent(destination, Instant.parse(message.createdAt()));
            }
            return true;
        } catch (IOException e) {
            LOG.warn("Could not keep the {} alert for {} to {} for its group ({}); it goes out on its own",
                    message.kind().id(), message.subjectKey(), destination, e.getMessage());
            return false;
        }
    }

    /**
     * The messages waiting for their group, every destination, oldest first; those already in the destination's
     * spool as part of a released group (a run killed after it spooled the group and before it deleted these files)
     * are deleted instead, so the group is not sent twice.
     */
    List<AlertSpool.Spooled> waitingUnlessReleased(List<AlertSpool.Spooled> spooled) {
        Set<String> released = new HashSet<>();
        for (AlertSpool.Spooled s : spooled) {
            for (AlertMessage m : s.message().hasGroup() ? s.message().group() : List.of(s.message())) {
                released.add(s.destination() + " " + m.decisionKey());
            }
        }
        List<AlertSpool.Spooled> left = new ArrayList<>();
        int dropped = 0;
        for (String destination : waiting.destinations()) {
            for (Path file : waiting.pending(destination)) {
                try {
                    AlertSpool.Spooled w = waiting.read(file);
                    if (released.contains(destination + " " + w.message().decisionKey())) {
                        waiting.remove(file);
                        dropped++;
                    } else {
                        left.add(w);
                    }
                } catch (IOException e) {
                    LOG.debug("Left {} for the next release ({})", file.getFileName(), e.getMessage());
                }
            }
        }
        if (dropped > 0) {
            LOG.info("Alerts: {} grouped message(s) were already spooled in their group; not grouped again", dropped);
        }
        return left;
    }

    /** Another instance wrote here until now (cluster take-over): new files are numbered after its files. */
    void resume() {
        waiting.resume();
        oldest = null;
    }

    /** The groups whose oldest message is {@code group-wait} old at {@code now}, per destination in kind order. */
    List<AlertGroup> due(Instant now) {
        if (oldest == null) {
            // the first tick: what waits since before a restart is read once, to learn when its group is due
            oldest = new HashMap<>();
            waiting.destinations().forEach(id -> oldest.put(id, Instant.MIN));
        }
        List<AlertGroup> due = new ArrayList<>();
        Set<String> destinations = new TreeSet<>();
        oldest.forEach((id, since) -> {
            if (since == Instant.MIN || !now.isBefore(since.plus(wait))) {
                destinations.add(id);
            }
        });
        for (String destination : destinations) {
            oldest.remove(destination);
            List<Path> files = waiting.pending(destination);
            Map<AlertKind, List<AlertMessage>> messages = new EnumMap<>(AlertKind.class);
            Map<AlertKind, List<Path>> held = new EnumMap<>(AlertKind.class);
            Instant first = null;
            for (Path file : files) {
                AlertMessage m;
                try {
                    m = waiting.read(file).message();
                } catch (IOException e) {
                    waiting.setAside(file, e, "grouped");
                    continue;
                }
                Instant created = Instant.parse(m.createdAt());
                first = first == null || created.isBefore(first) ? created : first;
                messages.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m);
                held.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(file);
            }
            if (first == null) {
                continue;
            }
            if (now.isBefore(first.plus(wait))) {
                oldest.put(destination, first);
                continue;
            }
            for (AlertKind kind : ORDER) {
                List<AlertMessage> ofKind = messages.get(kind);
                if (ofKind != null) {
                    ofKind.sort(AlertGroup.ORDER);
                    due.add(new AlertGroup(destination, kind, List.copyOf(ofKind), List.copyOf(held.get(kind))));
                }
            }
        }
        return due;
    }

    /** The group was handed to its destination's spool: its waiting files go. */
    void released(AlertGroup group) {
        for (Path file : group.files()) {
            try {
                waiting.remove(file);
            } catch (IOException e) {
                LOG.warn("Could not delete {} after its group was spooled: {}", file, e.getMessage());
            }
        }
    }
}
