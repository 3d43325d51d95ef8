package io.senseprobe.definition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One connection to check, validated and with every default applied.
 * Paths are absolute. Secrets (key passphrase, JWT, API key) are {@link Secret}s, and kept out of {@link #toString()}.
 * The connection's own service values are kept as given (null when absent).
 */
public record Definition(
        String name,
        Target target,
        String host,
        int port,
        String virtualProxy,
        AuthType authType,
        String userDir,
        String userId,
        Path certFile,
        Path keyFile,
        Path rootCertFile,
        Secret keyPassphrase,
        Secret jwt,
        Secret apikey,
        boolean secure,
        Duration timeout,
        Overrides overrides,
        Path source) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The connection's own values for the service's settings (interval, alert thresholds and intervals, {@code alert-to}: the destination ids its alerts go to; null: the
     * service's apply) and for the checks to come (checks, engine and proxy ports, proxy URL), type-checked as given;
     * its maintenance windows (no failing or reminder alert inside them) and the connection it depends on (null: none).
     */
    public record Overrides(
            Duration interval,
            Integer failureThreshold,
            Integer successThreshold,
            Duration reminderInterval,
            Duration rateLimit,
            List<String> checks,
            Integer enginePort,
            Integer proxyPort,
            String proxyUrl,
            List<String> alertTo,
            List<MaintenanceWindow> maintenance,
            String dependsOn) {

        public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null, null, null);

        public Overrides {
            maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
        }

        /** Without maintenance windows and depends-on (issue 11 added them). */
        public Overrides(Duration interval, Integer failureThreshold, Integer successThreshold,
                Duration reminderInterval, Duration rateLimit, List<String> checks, Integer enginePort,
                Integer proxyPort, String proxyUrl, List<String> alertTo) {
            this(interval, failureThreshold, successThreshold, reminderInterval, rateLimit, checks, enginePort,
                    proxyPort, proxyUrl, alertTo, List.of(), null);
        }
    }

    /** The secret values of this definition, for redaction and for the tests that grep output. */
    public List<String> secrets() {
        return java.util.stream.Stream.of(keyPassphrase, jwt, apikey)
                .filter(s -> s != null && !s.isEmpty()).map(Secret::reveal).toList();
    }

    /** The names of the checks to run, in order: the {@code checks:} list or the defaults (see {@link CheckNames#of}). */
    public List<String> checks() {
        return CheckNames.of(this);
    }

    /** "/prefix" or "" for the default virtual proxy. */
    public String prefixPath() {
        return virtualProxy == null || virtualProxy.isEmpty() ? "" : "/" + virtualProxy;
    }

    @Override
    public String toString() {
        return "Definition[name=" + name + ", target=" + target.id() + ", host=" + host + ", port=" + port
                + ", virtualProxy=" + virtualProxy + ", authType=" + authType.id() + ", secure=" + secure
                + ", source=" + source + "]";
    }
}
