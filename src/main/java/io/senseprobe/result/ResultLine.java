package io.senseprobe.result;

/** The one-line summary of a result, as the CLI's check command and the service log print it. */
public final class ResultLine {
    private ResultLine() {
    }

    public static String format(CheckResult r) {
        if (r.failed()) {
            return "FAILED " + r.connection() + " " + r.category().id() + ": " + r.message()
                    + (r.hint() == null || r.hint().isEmpty() ? "" : " — " + r.hint());
        }
        StringBuilder line = new StringBuilder(r.status() == Status.WARNING ? "WARNING " : "OK ")
                .append(r.connection()).append(' ').append(r.target()).append(' ')
                .append(r.host()).append(':').append(r.port()).append(' ').append(r.authType()).append(' ')
                .append(r.durationMs()).append("ms");
        Object build = r.sense().get("buildVersion");
        if (build != null) {
            line.append(" build ").append(build);
        }
        Object user = r.sense().get("userName");
        if (user != null) {
            line.append(" user ").append(user);
        }
        if (r.status() == Status.WARNING) {
            line.append(" — ").append(r.message());
        }
        return line.toString();
    }
}
