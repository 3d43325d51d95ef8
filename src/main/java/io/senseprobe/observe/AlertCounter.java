package io.senseprobe.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.senseprobe.alert.AlertOutcomes;

/** {@code sense_probe_alerts_total{destination,outcome}}: sent, failed (one attempt) and spooled (all attempts failed). */
public final class AlertCounter implements AlertOutcomes {
    public static final String NAME = "sense_probe_alerts";
    public static final String EXPOSED = NAME + "_total";

    private final MeterRegistry registry;

    public AlertCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Every outcome of every configured destination from 0, so a dashboard shows a destination before its first alert. */
    public AlertCounter startAtZero(Iterable<String> destinations) {
        for (String destination : destinations) {
            for (String outcome : new String[] {SENT, FAILED, SPOOLED}) {
                counter(destination, outcome);
            }
        }
        return this;
    }

    @Override
    public void count(String destination, String outcome) {
        counter(destination, outcome).increment();
    }

    private Counter counter(String destination, String outcome) {
        return Counter.builder(NAME).tag("destination", destination).tag("outcome", outcome).register(registry);
    }
}
