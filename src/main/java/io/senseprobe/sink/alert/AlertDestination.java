package io.senseprobe.sink.alert;

import io.senseprobe.alert.AlertMessage;

/**
 * Where alerts go. One small class per destination (its settings, the body it builds, the send); adding one means
 * a new class and a line in {@link AlertDestinations}. {@link #send} throws on any failure: retries and the spool
 * are the caller's job.
 */
public interface AlertDestination {
    /** Stable id, used in spool file names and logs: {@code email}, {@code slack}, {@code teams}, {@code webhook}. */
    String id();

    void send(AlertMessage message) throws Exception;
}
