package io.senseprobe.observe;

import io.senseprobe.logging.Secrets;
import io.senseprobe.settings.SettingsReader;
import java.util.List;
import java.util.function.Function;

/**
 * {@code sense.status.username} and {@code sense.status.password}: HTTP basic auth for the status page and
 * /api/status, off while both are unset. The password is a secret: registered for log masking, never in
 * {@link #toString()} or a problem text.
 */
public record StatusSettings(String username, String password) {
    public static final String USERNAME = "sense.status.username";
    public static final String PASSWORD = "sense.status.password";

    public static StatusSettings from(Function<String, String> lookup, List<String> problems) {
        SettingsReader r = new SettingsReader(lookup, problems);
        String username = r.get(USERNAME);
        String password = r.get(PASSWORD);
        Secrets.register(password);
        if (username != null && password == null) {
            problems.add(USERNAME + " is set but " + PASSWORD + " is not: set both for basic auth, or neither.");
        } else if (username == null && password != null) {
            problems.add(PASSWORD + " is set but " + USERNAME + " is not: set both for basic auth, or neither.");
        } else if (username != null && username.contains(":")) {
            r.problem(USERNAME, username, "basic auth user names cannot hold a colon; choose one without");
        }
        return username == null || password == null ? new StatusSettings(null, null)
                : new StatusSettings(username, password);
    }

    public boolean authRequired() {
        return username != null;
    }

    @Override
    public String toString() {
        return authRequired() ? "StatusSettings[username=" + username + ", password=" + Secrets.MASK + "]"
                : "StatusSettings[no login]";
    }
}
