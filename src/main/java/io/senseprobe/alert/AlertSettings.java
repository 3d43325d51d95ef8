package io.senseprobe.alert;

import io.senseprobe.logging.Secrets;
import io.senseprobe.settings.SettingsReader;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code sense.alert.*} settings. A destination is off while its host or URL is unset. Secrets (SMTP password,
 * webhook URLs) are registered for log masking and kept out of {@link #toString()} and of every problem text.
 */
public record AlertSettings(
        int failureThreshold,
        int successThreshold,
        boolean sendResolved,
        Duration reminderInterval,
        Duration rateLimit,
        Email email,
        String slackUrl,
        String teamsUrl,
        String webhookUrl) {

    public static final String PREFIX = "sense.alert.";
    public static final String FAILURE_THRESHOLD = PREFIX + "failure-threshold";
    public static final String SUCCESS_THRESHOLD = PREFIX + "success-threshold";
    public static final String SEND_RESOLVED = PREFIX + "send-resolved";
    public static final String REMINDER_INTERVAL = PREFIX + "reminder-interval";
    public static final String RATE_LIMIT = PREFIX + "rate-limit";
    public static final String EMAIL_HOST = PREFIX + "email.host";
    public static final String EMAIL_PORT = PREFIX + "email.port";
    public static final String EMAIL_FROM = PREFIX + "email.from";
    public static final String EMAIL_TO = PREFIX + "email.to";
    public static final String EMAIL_USERNAME = PREFIX + "email.username";
    public static final String EMAIL_PASSWORD = PREFIX + "email.password";
    public static final String EMAIL_STARTTLS = PREFIX + "email.starttls";
    public static final String SLACK_URL = PREFIX + "slack.url";
    public static final String TEAMS_URL = PREFIX + "teams.url";
    public static final String WEBHOOK_URL = PREFIX + "webhook.url";

    /** Every destination there is, in delivery order. */
    public static final List<String> DESTINATIONS = List.of("email", "slack", "teams", "webhook");

    public static final AlertSettings DEFAULTS = new AlertSettings(2, 1, true, Duration.ofHours(6),
            Duration.ofMinutes(5), null, null, null, null);

    /** SMTP delivery; null in {@link AlertSettings#email()} when {@code sense.alert.email.host} is unset. */
    public record Email(String host, int port, String from, List<String> to, String username, String password,
            boolean starttls) {

        /** Readable, for the start-up log: "smtp.example.com:587 from a@x to b@x, c@x, user probe, password ***, STARTTLS". */
        @Override
        public String toString() {
            return host + ":" + port + " from " + from + " to " + String.join(", ", to)
                    + (username == null ? "" : ", user " + username) + (password == null ? "" : ", password " + Secrets.MASK)
                    + (starttls ? ", STARTTLS" : "");
        }
    }

    /** Reads every key, collecting one problem per bad value (key, what is wrong, how to fix it); never throws. */
    public static AlertSettings from(Function<String, String> lookup, List<String> problems) {
        Reader r = new Reader(lookup, problems);
        int failureThreshold = r.count(FAILURE_THRESHOLD, DEFAULTS.failureThreshold);
        int successThreshold = r.count(SUCCESS_THRESHOLD, DEFAULTS.successThreshold);
        boolean sendResolved = r.values.bool(SEND_RESOLVED, DEFAULTS.sendResolved);
        Duration reminder = r.values.duration(REMINDER_INTERVAL, DEFAULTS.reminderInterval);
        Duration rateLimit = r.values.duration(RATE_LIMIT, DEFAULTS.rateLimit);
        return new AlertSettings(failureThreshold, successThreshold, sendResolved, reminder, rateLimit, r.email(),
                r.url(SLACK_URL, "the Slack incoming-webhook URL (https://hooks.slack.com/services/...)"),
                r.url(TEAMS_URL, "the URL of the Teams Workflows webhook (\"When a Teams webhook request is received\")"),
                r.url(WEBHOOK_URL, "the full http(s) URL that receives the alert JSON"));
    }

    /** The enabled destinations' ids, in delivery order. */
    public List<String> destinationIds() {
        List<String> ids = new ArrayList<>();
        if (email != null) {
            ids.add("email");
        }
        if (slackUrl != null) {
            ids.add("slack");
        }
        if (teamsUrl != null) {
            ids.add("teams");
        }
        if (webhookUrl != null) {
            ids.add("webhook");
        }
        return ids;
    }

    /**
     * The start-up log's summary, in words and without secrets: "to email (smtp.example.com:25 from ... to ...),
     * webhook (URL masked); a failing alert after 2 failed checks in a row, resolved after 1 ok, ...".
     */
    @Override
    public String toString() {
        List<String> to = new ArrayList<>();
        if (email != null) {
            to.add("email (" + email + ")");
        }
        for (String id : List.of("slack", "teams", "webhook")) {
            if (destinationIds().contains(id)) {
                to.add(id + " (URL masked)");
            }
        }
        return "to " + (to.isEmpty() ? "no destination" : String.join(", ", to)) + "; a failing alert after "
                + failureThreshold + " failed check" + (failureThreshold == 1 ? "" : "s") + " in a row, resolved after "
                + successThreshold + " ok" + (sendResolved ? "" : " (no resolved message)") + "; "
                + (reminderInterval.isZero() ? "no reminders" : "reminders every " + AlertStateMachine.human(reminderInterval))
                + "; " + (rateLimit.isZero() ? "no rate limit"
                        : "at most one message per connection and destination every " + AlertStateMachine.human(rateLimit)) + ".";
    }

    /** The alert keys' own checks on top of the typed values of {@link SettingsReader}. */
    private static final class Reader {
        private final Function<String, String> lookup;
        private final List<String> problems;
        private final SettingsReader values;

        Reader(Function<String, String> lookup, List<String> problems) {
            this.lookup = lookup;
            this.problems = problems;
            this.values = new SettingsReader(lookup, problems);
        }

        String get(String key) {
            return values.get(key);
        }

        int count(String key, int fallback) {
            return values.integer(key, fallback, 1, Integer.MAX_VALUE,
                    "not a whole number of 1 or more; give a count such as " + fallback);
        }

        /** A webhook URL holds its token: register it at once and never repeat it in a problem. */
        String url(String key, String what) {
            String value = get(key);
            if (value == null) {
                return null;
            }
            registerUrl(value);
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return value;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            problems.add(key + " (value hidden, it may hold a token): not an http(s) URL with a host; set it to " + what + ".");
            return null;
        }

        Email email() {
            String host = get(EMAIL_HOST);
            String password = lookup.apply(EMAIL_PASSWORD);
            Secrets.register(password);
            if (host == null) {
                return null;
            }
            int port = 25;
            String portText = get(EMAIL_PORT);
            if (portText != null) {
                try {
                    port = Integer.parseInt(portText);
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 1 || port > 65535) {
                    values.problem(EMAIL_PORT, portText, "not a port number; use 25, 465 or 587 as your mail server says");
                    port = 25;
                }
            }
            String from = get(EMAIL_FROM);
            if (from == null) {
                problems.add(EMAIL_FROM + " is missing: e-mail alerts need a sender address, e.g. sense-probe@example.com.");
            } else if (!isAddress(from)) {
                values.problem(EMAIL_FROM, from, "not an e-mail address; write e.g. sense-probe@example.com");
            }
            List<String> to = new ArrayList<>();
            String toText = get(EMAIL_TO);
            if (toText == null) {
                problems.add(EMAIL_TO + " is missing: list the recipients, separated by commas.");
            } else {
                for (String address : toText.split(",")) {
                    String a = address.trim();
                    if (a.isEmpty()) {
                        continue;
                    }
                    if (isAddress(a)) {
                        to.add(a);
                    } else {
                        problems.add(EMAIL_TO + ": \"" + a + "\" is not an e-mail address; separate addresses with commas.");
                    }
                }
            }
            String username = get(EMAIL_USERNAME);
            boolean hasPassword = password != null && !password.isEmpty();
            if (username == null && hasPassword) {
                problems.add(EMAIL_PASSWORD + " is set but " + EMAIL_USERNAME + " is not: give the SMTP user name too.");
            }
            if (username != null && !hasPassword) {
                values.problem(EMAIL_USERNAME, username, EMAIL_PASSWORD + " is missing; give the SMTP password");
            }
            return new Email(host, port, from, List.copyOf(to), username, hasPassword ? password : null,
                    values.bool(EMAIL_STARTTLS, false));
        }

        private static boolean isAddress(String text) {
            try {
                new InternetAddress(text, true).validate();
                return true;
            } catch (AddressException e) {
                return false;
            }
        }
    }

    /** The whole URL and its path (where Slack and Teams keep the token) are masked in every log line. */
    static void registerUrl(String url) {
        Secrets.register(url);
        try {
            URI uri = new URI(url);
            String rawPath = uri.getRawPath();
            String pathAndQuery = (rawPath == null ? "" : rawPath) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            if (pathAndQuery.length() >= 8) {
                Secrets.register(pathAndQuery);
            }
        } catch (URISyntaxException e) {
            // the whole value is registered already
        }
    }
}
