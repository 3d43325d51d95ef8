package io.senseprobe.service;

import java.time.Duration;

/**
 * A file counts as complete once unchanged for the settle time (inbox files and connection files alike). File
 * times come from the file system's clock, so this compares them with that clock, never an injected one.
 */
final class Settle {
    private Settle() {
    }

    static boolean settled(long modifiedMillis, Duration settle) {
        return System.currentTimeMillis() - modifiedMillis >= settle.toMillis();
    }
}
