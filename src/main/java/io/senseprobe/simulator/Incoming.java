package io.senseprobe.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A received request as the handlers see it. */
record Incoming(Listener listener, String method, String path, String rawQuery, Map<String, List<String>> headers,
        String body, String clientCertSubject) {

    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String queryParameter(String name) {
        return RecordedRequest.queryParameter(rawQuery, name);
    }

    /** Path segments, empty ones dropped: {@code /qrs/about/} gives [qrs, about]. */
    List<String> segments() {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    /** Lower-case segments, for the case-insensitive paths of QRS and QPS. */
    List<String> lowerSegments() {
        return segments().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /** The host name the client used (Host header without the port), for redirects on the same host. */
    String hostName() {
        String host = header("Host");
        if (host == null || host.isBlank()) {
            return "localhost";
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }

    /** The same request with a shorter path, after a virtual proxy took its prefix off. */
    Incoming withPath(String newPath) {
        return new Incoming(listener, method, newPath, rawQuery, headers, body, clientCertSubject);
    }
}
