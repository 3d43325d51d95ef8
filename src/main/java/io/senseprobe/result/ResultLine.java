package io.senseprobe.result;

/** The one-line summary of a result, as the CLI's check command and the service log print it. */
public final class ResultLine {
    private ResultLine() {
    }

    public static String format(CheckResult r) {
        if (r.failed()) {
            return "FAILED " + name(r) + " " + r.category().id() + ": " + r.message()
                    + (r.hint() == null || r.hint().isEmpty() ? "" : " — " + r.hint());
        }
        StringBuilder line = new StringBuilder(r.status() == Status.WARNING ? "WARNING " : "OK ")
                .append(name(r)).append(' ').append(r.target()).append(' ')
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

    /**
     * The connection, and {@code /check} for a check beyond its connection test (several per connection). The
     * connection tests are definition.CheckNames' defaults, which this package cannot depend on.
     */
    private static String name(CheckResult r) {
        String connectionTest = "qscloud".equals(r.target()) ? "users-me" : "qrs-about";
        return r.target() == null || r.check() == null || r.check().equals(connectionTest)
                ? r.connection() : r.connection() + "/" + r.check();
    }
}
