package io.senseprobe.simulator;

import java.util.regex.Pattern;

/** The QRS/QPS cross-site request forgery check: query parameter and X-Qlik-Xrfkey header, equal, 16 alphanumerics. */
final class Xrfkey {
    static final String FAILED = "XSRF prevention check failed. Possible XSRF discovered.";
    private static final Pattern KEY = Pattern.compile("[0-9A-Za-z]{16}");

    private Xrfkey() {
    }

    static boolean passes(Incoming request) {
        String param = request.queryParameter("xrfkey");
        String header = request.header("X-Qlik-Xrfkey");
        return param != null && KEY.matcher(param).matches() && param.equals(header);
    }

    static Response rejection() {
        return Response.text(403, FAILED);
    }
}
