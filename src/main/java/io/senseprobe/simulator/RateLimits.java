package io.senseprobe.simulator;

import java.util.EnumMap;
import java.util.Map;

/**
 * 429 answers. A test arms a listener for its next n requests. {@link Listener#RATE_LIMITED} that no test has
 * armed alternates 429 (retry-after 1) and a normal answer, so the demo shows both.
 */
final class RateLimits {
    private record Armed(int remaining, int retryAfterSeconds) {
    }

    private final Map<Listener, Armed> armed = new EnumMap<>(Listener.class);
    private boolean armedByTest;
    private long unarmedCount;

    synchronized void arm(Listener listener, int count, int retryAfterSeconds) {
        armed.put(listener, new Armed(count, retryAfterSeconds));
        if (listener == Listener.RATE_LIMITED) {
            armedByTest = true;
        }
    }

    /** The retry-after seconds if this request is to be refused, else -1. */
    synchronized int check(Listener listener) {
        Armed a = armed.get(listener);
        if (a != null && a.remaining() > 0) {
            armed.put(listener, new Armed(a.remaining() - 1, a.retryAfterSeconds()));
            return a.retryAfterSeconds();
        }
        if (listener == Listener.RATE_LIMITED && !armedByTest) {
            return unarmedCount++ % 2 == 0 ? 1 : -1;
        }
        return -1;
    }

    static Response tooManyRequests(int retryAfterSeconds) {
        return CloudApi.error(429, "HTTP-429", "API rate limit reached.", "Too many requests; retry later.")
                .withHeader("retry-after", String.valueOf(retryAfterSeconds));
    }
}
