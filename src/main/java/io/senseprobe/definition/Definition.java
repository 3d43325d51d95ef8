package io.senseprobe.definition;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One connection to check, validated and with every default applied.
 * Paths are absolute. Secrets (key passphrase, JWT, API key) are kept out of {@link #toString()}.
 * The keys reserved for later issues are kept as given (null when absent).
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
        String keyPassphrase,
        String jwt,
        String apikey,
        boolean secure,
        Duration timeout,
        Reserved reserved,
        Path source) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Keys accepted and type-checked now, used by the service and the checks to come. */
    public record Reserved(
            Duration interval,
            Integer failureThreshold,
            Integer successThreshold,
            Duration reminderInterval,
            Duration rateLimit,
            List<String> checks,
            Integer enginePort,
            Integer proxyPort,
            String proxyUrl) {

        public static final Reserved NONE = new Reserved(null, null, null, null, null, null, null, null, null);
    }

    /** The secret values of this definition, for redaction and for the tests that grep output. */
    public List<String> secrets() {
        return java.util.stream.Stream.of(keyPassphrase, jwt, apikey)
                .filter(s -> s != null && !s.isEmpty()).toList();
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
