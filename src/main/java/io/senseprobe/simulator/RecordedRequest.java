package io.senseprobe.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request a listener received, with the status it was answered with (rejected ones too).
 *
 * @param headers               case-insensitive keys
 * @param clientCertSubject     the subject of the client certificate, e.g. {@code CN=QlikClient}; null without one
 * @param userDirectory         from the X-Qlik-User header (URL-decoded); null without the header
 * @param userId                from the X-Qlik-User header (URL-decoded); null without the header
 * @param clientCertFingerprint lower-case hex SHA-256 of the DER of the client's leaf certificate: which of many
 *                              certificates with the same subject the request arrived on; null without one
 */
public record RecordedRequest(
        Listener listener,
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        String body,
        String clientCertSubject,
        String userDirectory,
        String userId,
        int status,
        Instant receivedAt,
        String clientCertFingerprint) {

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a query parameter (name in any case, value URL-decoded), or null. */
    public String queryParameter(String name) {
        return queryParameter(rawQuery, name);
    }

    static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equalsIgnoreCase(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return listener.id() + " " + method + " " + path + (rawQuery == null ? "" : "?" + rawQuery) + " -> " + status;
    }
}
