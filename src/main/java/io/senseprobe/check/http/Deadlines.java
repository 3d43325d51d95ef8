package io.senseprobe.check.http;

import io.senseprobe.check.CheckAttempt;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** One timer thread for every check's deadline: at the deadline the check's request in flight is aborted. */
final class Deadlines {
    private final ScheduledExecutorService timer;

    Deadlines(ScheduledExecutorService timer) {
        this.timer = timer;
        if (timer instanceof ScheduledThreadPoolExecutor pool) {
            // a check that ends in time cancels its timer: drop it at once rather than at its deadline
            pool.setRemoveOnCancelPolicy(true);
        }
    }

    /** Starts the check's timer at its first request (its deadline counts from its start, not from here). */
    void arm(CheckAttempt attempt) {
        if (!attempt.hasDeadlineTimer()) {
            attempt.deadlineTimer(timer.schedule(attempt::deadlinePassed, attempt.remainingNanos(), TimeUnit.NANOSECONDS));
        }
    }
}
