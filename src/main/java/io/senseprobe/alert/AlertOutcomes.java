package io.senseprobe.alert;

/** Told what became of each delivery attempt (for the metrics); one call per event, from the destination's route. */
@FunctionalInterface
public interface AlertOutcomes {
    /** The destination took the message. */
    String SENT = "sent";
    /** One attempt failed (it may be retried). */
    String FAILED = "failed";
    /** Every attempt failed: the message stays in out/undelivered/ and is replayed later. */
    String SPOOLED = "spooled";

    AlertOutcomes NONE = (destination, outcome) -> { };

    void count(String destination, String outcome);
}
