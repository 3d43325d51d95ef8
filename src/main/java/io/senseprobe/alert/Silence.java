package io.senseprobe.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;

/**
 * An unplanned quiet time, from {@code sense-probe silence add}: like a maintenance window, for one connection
 * ({@code connection}) or every connection whose name matches a glob ({@code match}, e.g. {@code prod-*}), until
 * {@code until} (ISO-8601 instant). Kept in {@code out/silences.json} ({@link SilenceFile}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Silence(String id, String connection, String match, String until, String comment, String createdAt) {

    public boolean activeAt(Instant t) {
        return t.isBefore(Instant.parse(until));
    }

    public boolean covers(String connectionName) {
        if (connection != null) {
            return connection.equalsIgnoreCase(connectionName);
        }
        if (match == null) {
            return false;
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + match);
        return glob.matches(Path.of(connectionName));
    }

    /** "connection prod" or "match prod-*", how the CLI and the logs show whom it silences. */
    public String scope() {
        return connection != null ? "connection " + connection : "match " + match;
    }
}
