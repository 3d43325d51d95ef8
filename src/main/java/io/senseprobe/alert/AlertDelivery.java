package io.senseprobe.alert;

import static io.senseprobe.check.ExchangeProperties.ALERT_DESTINATION;
import static io.senseprobe.check.ExchangeProperties.ALERT_RETRIES;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean {@code alertDelivery} of the destination routes (routes/alerts.camel.yaml): wakes a destination's route
 * ({@code seda:alert-<id>}, one consumer) and hands it the spool's messages one by one, oldest first. A new message
 * gets one attempt plus one retry per delay (1 s, 5 s, 15 s by default), a replayed one a single attempt; the
 * route's error handler does the retries, this bean logs them. The head of a destination's spool blocks the rest.
 */
public final class AlertDelivery implements StartupListener {
    public static final String BEAN = "alertDelivery";
    /** Exchange properties of the destination routes that only the Java code reads (the shared ones: ExchangeProperties). */
    public static final String MESSAGE = "alertMessage";
    static final String FILE = "alertFile";
    private static final String PENDING = "alertPending";
    private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);
    private static final Queue<AlertMessage> EMPTY = new ConcurrentLinkedQueue<>();

    private final CamelContext context;
    private final AlertSpool spool;
    private final List<Duration> retryDelays;
    // per destination: a wake-up is queued and its drain has not started yet (one is enough)
    private final Map<String, AtomicBoolean> queued = new LinkedHashMap<>();
    private final Set<String> fresh = ConcurrentHashMap.newKeySet();
    private final Set<String> reportedOrphans = ConcurrentHashMap.newKeySet();
    // per destination: messages the spool could not take (disk full, folder gone), kept here until sent
    private final Map<String, Queue<AlertMessage>> unspooled = new ConcurrentHashMap<>();
    private ProducerTemplate producer;
    private volatile boolean closed;
    private volatile AlertOutcomes outcomes = AlertOutcomes.NONE;

    AlertDelivery(CamelContext context, List<String> destinations, AlertSpool spool, List<Duration> retryDelays) {
        this.context = context;
        destinations.forEach(id -> queued.put(id, new AtomicBoolean()));
        this.spool = spool;
        this.retryDelays = List.copyOf(retryDelays);
    }

    /** The routes' placeholder of the retry delays; replays once they run. */
    void install() throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        // redelivery n waits the n-th delay: Camel's delayPattern "1:1000;2:5000;3:15000"
        properties.addOverrideProperty("sense.service.alert-delay-pattern", retryDelays.isEmpty() ? "1:0"
                : IntStream.range(0, retryDelays.size()).mapToObj(i -> (i + 1) + ":" + retryDelays.get(i).toMillis())
                        .collect(Collectors.joining(";")));
        context.getRegistry().bind(BEAN, this);
        context.getRegistry().bind("alertAttemptFailed", (Processor) this::attemptFailed);
        context.addStartupListener(this);
    }

    void countOutcomes(AlertOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    List<String> destinationIds() {
        return List.copyOf(queued.keySet());
    }

    /** Spools the message at once (the caller may be killed right after), then wakes the destination's route. */
    void deliver(String destination, AlertMessage message) {
        Queue<AlertMessage> kept = unspooled.computeIfAbsent(destination, id -> new ConcurrentLinkedQueue<>());
        // behind a message kept in memory a newer one stays in memory too: it must not overtake it
        String notSpooled = kept.isEmpty() ? spool(destination, message)
                : "an older message for " + destination + " is kept in memory";
        if (notSpooled != null) {
            LOG.error("Could not spool the {} alert for {} to {} ({}); it is kept in memory until it is sent",
                    message.kind().id(), message.subjectKey(), destination, notSpooled);
            kept.add(message);
        }
        wake(destination);
    }

    /** Null once the message is in the spool, else why it is not. */
    private String spool(String destination, AlertMessage message) {
        try {
            fresh.add(spool.add(destination, message).getFileName().toString());
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** What the spool holds now, every destination, oldest first. */
    List<AlertSpool.Spooled> spooled() {
        return spool.readable();
    }

    /** Another instance owned the spool until now: new files are numbered after its files, then they are replayed. */
    void takeOver() {
        spool.resume();
        replay();
    }

    /** Tries again what the spool holds, for every destination; files for a destination that is off stay put. */
    void replay() {
        unspooled.forEach((id, kept) -> {
            if (!kept.isEmpty()) {
                wake(id);
            }
        });
        for (String id : spool.destinations()) {
            if (queued.containsKey(id)) {
                wake(id);
            } else if (reportedOrphans.add(id)) {
                LOG.warn("{} undelivered alert(s) for {} are kept in {}: that destination is not configured now",
                        spool.pending(id).size(), id, spool.dir());
            }
        }
    }

    @Override
    public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
    }

    /** The replay at start, once the destinations' routes run. */
    @Override
    public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
        replay();
    }

    /** Waits until no route has a wake-up queued or a message under way (for tests and orderly stops). */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!idle()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** No more wake-ups; a message in its retries stays in the spool for the next start. */
    void close() {
        closed = true;
        unspooled.forEach((id, kept) -> kept.forEach(m -> LOG.error("The {} alert for {} to {} could never be spooled"
                + " nor sent; it is lost with this stop", m.kind().id(), m.subjectKey(), id)));
    }

    // --- the bean methods of the destination routes --------------------------------------------------------------

    /** The loop's condition: makes the next spooled message the exchange's, or ends the drain (false). */
    public boolean next(Exchange exchange) {
        String destination = exchange.getProperty(ALERT_DESTINATION, String.class);
        @SuppressWarnings("unchecked")
        Deque<Path> pending = exchange.getProperty(PENDING, Deque.class);
        if (pending == null) {
            // from here on a newly spooled message needs a drain of its own
            queued.get(destination).set(false);
            pending = new ArrayDeque<>(spool.pending(destination));
            exchange.setProperty(PENDING, pending);
        }
        // a fresh request: no headers of the last answer, no redelivery counter of the last message
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setBody(null);
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        for (Path file = pending.poll(); file != null; file = pending.poll()) {
            try {
                exchange.setProperty(MESSAGE, spool.read(file).message());
            } catch (IOException e) {
                spool.setAside(file, e, "spooled");
                continue;
            }
            exchange.setProperty(FILE, file);
            exchange.setProperty(ALERT_RETRIES, fresh.remove(file.getFileName().toString()) ? retryDelays.size() : 0);
            return true;
        }
        // after the spool's older messages: one the spool could not take (a single attempt per drain)
        AlertMessage kept = unspooled.getOrDefault(destination, EMPTY).peek();
        if (kept != null) {
            exchange.setProperty(MESSAGE, kept);
            exchange.removeProperty(FILE);
            exchange.setProperty(ALERT_RETRIES, 0);
            return true;
        }
        return false;
    }

    /** The destination accepted the message: only now it leaves the spool. */
    public void sent(Exchange exchange) {
        AlertMessage message = exchange.getProperty(MESSAGE, AlertMessage.class);
        String destination = exchange.getProperty(ALERT_DESTINATION, String.class);
        LOG.info("Sent {} alert for {} to {}", message.kind().id(), message.subjectKey(), destination);
        outcomes.count(destination, AlertOutcomes.SENT);
        Path file = exchange.getProperty(FILE, Path.class);
        if (file == null) {
            unspooled.get(destination).remove(message);
            return;
        }
        try {
            spool.remove(file);
        } catch (IOException e) {
            LOG.warn("Sent the {} alert for {} to {}, but could not delete {}: {}", message.kind().id(),
                    message.subjectKey(), destination, file, e.getMessage());
        }
    }

    /** The dead letter: the message stays in the spool, and the drain ends so nothing newer overtakes it. */
    public void undelivered(Exchange exchange) {
        AlertMessage message = exchange.getProperty(MESSAGE, AlertMessage.class);
        Path file = exchange.getProperty(FILE, Path.class);
        if (message != null && file != null) {
            LOG.warn("The {} alert for {} is kept in {}; it is tried again at every tick, older messages first",
                    message.kind().id(), message.subjectKey(), spool.dir().resolve(file.getFileName()));
            outcomes.count(exchange.getProperty(ALERT_DESTINATION, String.class), AlertOutcomes.SPOOLED);
        }
    }

    /** The error handler's onExceptionOccurred: one line per failed attempt, in place of Camel's own. */
    public void attemptFailed(Exchange exchange) {
        String destination = exchange.getProperty(ALERT_DESTINATION, String.class);
        AlertMessage message = exchange.getProperty(MESSAGE, AlertMessage.class);
        Exception e = exchange.getException();
        if (e instanceof RejectedExecutionException) {
            LOG.info("Alert delivery to {} is stopped; spooled messages go out after the next start", destination);
            return;
        }
        if (message == null) {
            LOG.warn("Alert delivery to {} failed: {}", destination, describe(e));
            return;
        }
        outcomes.count(destination, AlertOutcomes.FAILED);
        int attempt = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        int attempts = exchange.getProperty(ALERT_RETRIES, 0, Integer.class) + 1;
        LOG.warn("Could not send the {} alert for {} to {} (attempt {} of {}): {}{}", message.kind().id(),
                message.subjectKey(), destination, attempt, attempts, describe(e), attempt >= attempts ? ""
                        : "; retrying in " + AlertStateMachine.human(retryDelays.get(attempt - 1)));
    }

    private void wake(String destination) {
        AtomicBoolean wakeQueued = queued.get(destination);
        // before the routes run there is nothing to wake: the replay once the context has started sends it
        if (closed || !context.getStatus().isStarted() || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            producer().sendBody("seda:alert-" + destination, destination);
        } catch (RuntimeException e) {
            wakeQueued.set(false);
            LOG.info("Alert delivery to {} is stopped; spooled messages go out after the next start", destination);
        }
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = context.createProducerTemplate();
        }
        return producer;
    }

    private boolean idle() {
        return queued.entrySet().stream().noneMatch(e -> e.getValue().get()
                || context.getInflightRepository().size("alert-" + e.getKey()) > 0);
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
