package io.senseprobe.simulator;

import static io.senseprobe.simulator.Json.obj;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The proxy service API: {@code /qps/{prefix/}session} and {@code /qps/{prefix/}user/{dir}/{id}}, PascalCase like Sense. */
record QpsApi(ProxySessions sessions) {
    Response handle(Incoming request) {
        if (!Xrfkey.passes(request)) {
            return Xrfkey.rejection();
        }
        List<String> lower = request.lowerSegments();
        List<String> original = request.segments();
        if (lower.isEmpty() || !lower.get(0).equals("qps")) {
            return Response.empty(404);
        }
        // after "qps": [prefix] then "session" | "user/{dir}/{id}" | "ticket"
        int at = 1;
        String prefix = "";
        if (lower.size() > 1 && !List.of("session", "user", "ticket").contains(lower.get(1))) {
            prefix = original.get(1);
            at = 2;
        }
        List<String> rest = lower.subList(at, lower.size());
        if (rest.equals(List.of("session"))) {
            return Response.json(200, sessions.ofPrefix(prefix).stream().map(QpsApi::describe).toList());
        }
        if (rest.size() == 3 && rest.get(0).equals("user")) {
            String directory = decode(original.get(at + 1));
            String id = decode(original.get(at + 2));
            return Response.json(200, sessions.ofUser(prefix, directory, id).stream().map(QpsApi::describe).toList());
        }
        if (rest.equals(List.of("ticket")) && request.method().equals("POST")) {
            return Response.json(201, obj("UserDirectory", "INTERNAL", "UserId", "sa_api", "Attributes", List.of(),
                    "Ticket", CloudIdentity.alphanumeric(16), "TargetUri", null));
        }
        return Response.empty(404);
    }

    private static Map<String, Object> describe(ProxySessions.Session s) {
        return obj("UserDirectory", s.userDirectory(), "UserId", s.userId(), "Attributes", List.of(),
                "SessionId", s.sessionId());
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
}
