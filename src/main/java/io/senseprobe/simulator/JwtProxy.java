package io.senseprobe.simulator;

import java.util.List;
import java.util.UUID;

/**
 * A virtual proxy with JWT authentication in front of the repository: {@code /{prefix}/qrs/**}.
 * A first path segment that is not the prefix (e.g. the proxy's description typed instead) gives a bare 404.
 */
record JwtProxy(String prefix, Tokens tokens, ProxySessions sessions, SiteServices services) {
    String cookieName() {
        return "X-Qlik-Session-" + prefix;
    }

    Response handle(Incoming request) {
        List<String> segments = request.segments();
        if (segments.isEmpty() || !segments.get(0).equalsIgnoreCase(prefix)) {
            return Response.empty(404);
        }
        ProxySessions.Session session = sessionFromCookie(request);
        boolean newSession = false;
        if (session == null) {
            Tokens.Verdict verdict = verifyBearer(request.header("Authorization"));
            if (!verdict.accepted()) {
                return Response.text(401, "Unauthorized");
            }
            session = new ProxySessions.Session(prefix, verdict.userDirectory(), verdict.userId(), UUID.randomUUID().toString());
            sessions.add(session);
            newSession = true;
        }
        if (segments.size() < 2 || !segments.get(1).equalsIgnoreCase("qrs")) {
            return Response.empty(404);
        }
        // the proxy takes its prefix off and hands the rest to the repository
        String rest = "/" + String.join("/", segments.subList(1, segments.size()));
        Response response = QrsApi.handle(request.withPath(rest), services);
        return newSession
                ? response.withHeader("Set-Cookie", cookieName() + "=" + session.sessionId() + "; Path=/; HttpOnly; Secure")
                : response;
    }

    private Tokens.Verdict verifyBearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Tokens.Verdict.refused("no bearer token");
        }
        return tokens.verifyJwt(authorization.substring(7).trim());
    }

    private ProxySessions.Session sessionFromCookie(Incoming request) {
        List<String> cookies = request.headers().get("Cookie");
        if (cookies == null) {
            return null;
        }
        for (String header : cookies) {
            for (String cookie : header.split(";")) {
                String[] kv = cookie.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals(cookieName())) {
                    ProxySessions.Session found = sessions.find(prefix, kv[1]);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }
}
