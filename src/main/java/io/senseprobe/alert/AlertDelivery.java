package io.senseprobe.alert;

import io.senseprobe.sink.alert.AlertDestination;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends spooled messages, one worker thread per destination so a dead Slack never delays the e-mail, in spool
 * order. A new message gets one attempt plus one retry per delay (1 s, 5 s, 15 s by default); a message that still
 * fails stays in the spool and gets one attempt per replay (start and every tick). The head of a destination's
 * spool blocks the rest, so receivers see messages in the order they were decided.
 */
final class AlertDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);

    private final Map<String, AlertDestination> destinations = new LinkedHashMap<>();
    private final Map<String, ExecutorService> workers = new LinkedHashMap<>();
    private final Map<String, AtomicBoolean> drainQueued = new LinkedHashMap<>();
    private final Set<String> fresh = ConcurrentHashMap.newKeySet();
    private final Set<String> reportedOrphans = ConcurrentHashMap.newKeySet();
    private final AlertSpool spool;
    private final List<Duration> retryDelays;

    AlertDelivery(List<AlertDestination> destinations, AlertSpool spool, List<Duration> retryDelays) {
        for (AlertDestination d : destinations) {
            this.destinations.put(d.id(), d);
            this.workers.put(d.id(), Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "alert-" + d.id());
                t.setDaemon(true);
                return t;
            }));
            this.drainQueued.put(d.id(), new AtomicBoolean());
        }
        this.spool = spool;
        this.retryDelays = List.copyOf(retryDelays);
    }

    List<String> destinationIds() {
        return List.copyOf(destinations.keySet());
    }

    /** Spools the message at once (the caller may be killed right after), then lets the worker send it. */
    void deliver(String destination, AlertMessage message) {
        try {
            Path file = spool.add(destination, message);
            fresh.add(file.getFileName().toString());
        } catch (IOException e) {
            // no spool: still try to send, from memory
            LOG.warn("Could not spool the {} alert for {} to {} ({}); sending it without a spool copy",
                    message.kind().id(), message.subjectKey(), destination, e.getMessage());
            submit(destination, () -> sendUnspooled(destinations.get(destination), message));
            return;
        }
        scheduleDrain(destination);
    }

    /** Tries again what the spool holds, for every destination; files for a destination that is off stay put. */
    void replay() {
        for (String id : spool.destinations()) {
            if (destinations.containsKey(id)) {
                scheduleDrain(id);
            } else if (reportedOrphans.add(id)) {
                LOG.warn("{} undelivered alert(s) for {} are kept in {}: that destination is not configured now",
                        spool.pending(id).size(), id, spool.dir());
            }
        }
    }

    /** Waits until every worker has finished what was queued before this call (for tests and orderly stops). */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(workers.size());
        for (ExecutorService worker : workers.values()) {
            try {
                worker.execute(done::countDown);
            } catch (RejectedExecutionException e) {
                done.countDown();
            }
        }
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the workers; a message in its retries stays in the spool for the next start. */
    @Override
    public void close() {
        for (ExecutorService worker : workers.values()) {
            worker.shutdownNow();
        }
        for (ExecutorService worker : workers.values()) {
            try {
                worker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void scheduleDrain(String destination) {
        AtomicBoolean queued = drainQueued.get(destination);
        if (queued != null && queued.compareAndSet(false, true)) {
            submit(destination, () -> {
                queued.set(false);
                drain(destinations.get(destination));
            });
        }
    }

    private void submit(String destination, Runnable task) {
        try {
            workers.get(destination).execute(task);
        } catch (RejectedExecutionException e) {
            LOG.info("Alert delivery to {} is stopped; spooled messages go out after the next start", destination);
        }
    }

    private void drain(AlertDestination destination) {
        for (Path file : spool.pending(destination.id())) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            AlertMessage message;
            try {
                message = spool.read(file).message();
            } catch (IOException e) {
                setAside(file, e);
                continue;
            }
            boolean isFresh = fresh.remove(file.getFileName().toString());
            if (!send(destination, message, isFresh ? retryDelays : List.of())) {
                LOG.warn("The {} alert for {} is kept in {}; it is tried again at every tick, older messages first",
                        message.kind().id(), message.subjectKey(), spool.dir().resolve(file.getFileName()));
                return;
            }
            try {
                spool.remove(file);
            } catch (IOException e) {
                LOG.warn("Sent the {} alert for {} to {}, but could not delete {}: {}", message.kind().id(),
                        message.subjectKey(), destination.id(), file, e.getMessage());
            }
        }
    }

    private void sendUnspooled(AlertDestination destination, AlertMessage message) {
        if (!send(destination, message, retryDelays)) {
            LOG.error("The {} alert for {} to {} is lost: not delivered and the spool could not be written",
                    message.kind().id(), message.subjectKey(), destination.id());
        }
    }

    private boolean send(AlertDestination destination, AlertMessage message, List<Duration> delays) {
        int attempts = delays.size() + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                destination.send(message);
                LOG.info("Sent {} alert for {} to {}", message.kind().id(), message.subjectKey(), destination.id());
                return true;
            } catch (Exception e) {
                if (attempt == attempts) {
                    LOG.warn("Could not send the {} alert for {} to {} (attempt {} of {}): {}", message.kind().id(),
                            message.subjectKey(), destination.id(), attempt, attempts, describe(e));
                    return false;
                }
                Duration delay = delays.get(attempt - 1);
                LOG.warn("Could not send the {} alert for {} to {} (attempt {} of {}): {}; retrying in {}",
                        message.kind().id(), message.subjectKey(), destination.id(), attempt, attempts, describe(e),
                        AlertStateMachine.human(delay));
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private void setAside(Path file, IOException e) {
        try {
            Path aside = spool.setAside(file);
            LOG.error("Could not read the spooled alert {} ({}); moved it to {} for a look", file.getFileName(),
                    e.getMessage(), aside.getFileName());
        } catch (IOException moveFailed) {
            LOG.error("Could not read the spooled alert {} ({}) nor move it aside ({})", file.getFileName(),
                    e.getMessage(), moveFailed.getMessage());
        }
    }

    /** The exception chain's messages, without stack traces; the log layout masks any secret in them. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
            if (text.length() > 400) {
                break;
            }
        }
        return text.toString();
    }
}
