package io.senseprobe.alert;

import io.senseprobe.logging.Secrets;
import io.senseprobe.settings.SettingsReader;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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
        String webhookUrl,
        List<Destination> named,
        Duration groupWait,
        int groupMax,
        List<String> warnings) {

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
    public static final String GROUP_WAIT = PREFIX + "group-wait";
    public static final String GROUP_MAX = PREFIX + "group-max";

    public static final AlertSettings DEFAULTS = new AlertSettings(2, 1, true, Duration.ofHours(6),
            Duration.ofMinutes(5), null, null, null, null, List.of(), Duration.ofSeconds(30), 20, List.of());

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

    /** Reads every key but the named destinations' (see {@link #from(Function, Collection, List)}). */
    public static AlertSettings from(Function<String, String> lookup, List<String> problems) {
        return from(lookup, List.of(), problems);
    }

    /**
     * Reads every key, collecting one problem per bad value (key, what is wrong, how to fix it); never throws.
     * {@code names}: the property keys and environment variable names there are, where the named destinations'
     * ids are found ({@link NamedDestinations}); their problems are {@link #warnings()}, not problems.
     */
    public static AlertSettings from(Function<String, String> lookup, Collection<String> names, List<String> problems) {
        Reader r = new Reader(lookup, problems);
        int failureThreshold = r.count(FAILURE_THRESHOLD, DEFAULTS.failureThreshold);
        int successThreshold = r.count(SUCCESS_THRESHOLD, DEFAULTS.successThreshold);
        boolean sendResolved = r.values.bool(SEND_RESOLVED, DEFAULTS.sendResolved);
        Duration reminder = r.values.duration(REMINDER_INTERVAL, DEFAULTS.reminderInterval);
        Duration rateLimit = r.values.duration(RATE_LIMIT, DEFAULTS.rateLimit);
        Duration groupWait = r.values.duration(GROUP_WAIT, DEFAULTS.groupWait);
        int groupMax = r.count(GROUP_MAX, DEFAULTS.groupMax);
        List<String> warnings = new ArrayList<>();
        List<Destination> named = NamedDestinations.read(NamedDestinations.idsIn(names, names), names, lookup, warnings);
        return new AlertSettings(failureThreshold, successThreshold, sendResolved, reminder, rateLimit,
                readEmail(PREFIX + "email.", lookup, problems, false),
                readUrl(SLACK_URL, lookup, problems, Destination.SLACK, false),
                readUrl(TEAMS_URL, lookup, problems, Destination.TEAMS, false),
                readUrl(WEBHOOK_URL, lookup, problems, Destination.WEBHOOK, false),
                List.copyOf(named), groupWait, groupMax, List.copyOf(warnings));
    }

    /** Every configured destination: the default ones, then the named ones, in delivery order. */
    public List<Destination> destinations() {
        List<Destination> all = new ArrayList<>();
        if (email != null) {
            all.add(new Destination(Destination.EMAIL, Destination.EMAIL, email, null));
        }
        if (slackUrl != null) {
            all.add(new Destination(Destination.SLACK, Destination.SLACK, null, slackUrl));
        }
        if (teamsUrl != null) {
            all.add(new Destination(Destination.TEAMS, Destination.TEAMS, null, teamsUrl));
        }
        if (webhookUrl != null) {
            all.add(new Destination(Destination.WEBHOOK, Destination.WEBHOOK, null, webhookUrl));
        }
        all.addAll(named);
        return all;
    }

    /** The configured default destinations' ids: where a definition without {@code alert-to} sends its alerts. */
    public List<String> defaultIds() {
        return destinations().stream().filter(Destination::isDefault).map(Destination::id).toList();
    }

    /** Whether messages wait {@link #groupWait()} to go out together ({@code sense.alert.group-wait} is not 0). */
    public boolean grouping() {
        return !groupWait.isZero() && !groupWait.isNegative();
    }

    /** The enabled destinations' ids (default and named), in delivery order. */
    public List<String> destinationIds() {
        return destinations().stream().map(Destination::id).toList();
    }

    /**
     * The start-up log's summary, in words and without secrets: "to email (smtp.example.com:25 from ... to ...),
     * webhook (URL masked); a failing alert after 2 failed checks in a row, resolved after 1 ok, ...".
     */
    @Override
    public String toString() {
        List<String> to = destinations().stream().map(Destination::toString).toList();
        return "to " + (to.isEmpty() ? "no destination" : String.join(", ", to)) + "; a failing alert after "
                + failureThreshold + " failed check" + (failureThreshold == 1 ? "" : "s") + " in a row, resolved after "
                + successThreshold + " ok" + (sendResolved ? "" : " (no resolved message)") + "; "
                + (reminderInterval.isZero() ? "no reminders" : "reminders every " + AlertStateMachine.human(reminderInterval))
                + "; " + (rateLimit.isZero() ? "no rate limit"
                        : "at most one message per connection and destination every " + AlertStateMachine.human(rateLimit))
                + "; " + (grouping() ? "failures and resolutions within " + AlertStateMachine.human(groupWait)
                        + " go out as one message per destination (at most " + groupMax + " lines)" : "no grouping") + ".";
    }

    /** The alert keys' own checks on top of the typed values of {@link SettingsReader}. */
    private static final class Reader {
        private final SettingsReader values;

        Reader(Function<String, String> lookup, List<String> problems) {
            this.values = new SettingsReader(lookup, problems);
        }

        int count(String key, int fallback) {
            return values.integer(key, fallback, 1, Integer.MAX_VALUE,
                    "not a whole number of 1 or more; give a count such as " + fallback);
        }
    }

    /** What a URL of each kind is, for the fix of a bad one. */
    private static String urlHint(String kind) {
        return switch (kind) {
            case Destination.SLACK -> "the Slack incoming-webhook URL (https://hooks.slack.com/services/...)";
            case Destination.TEAMS -> "the URL of the Teams Workflows webhook (\"When a Teams webhook request is received\")";
            default -> "the full http(s) URL that receives the alert JSON";
        };
    }

    /**
     * A webhook URL holds its token: registered at once and never repeated in a problem. Null when unset or bad;
     * {@code required} (a named destination): unset is a problem too.
     */
    static String readUrl(String key, Function<String, String> lookup, List<String> problems, String kind,
            boolean required) {
        String value = new SettingsReader(lookup, problems).get(key);
        if (value == null) {
            if (required) {
                problems.add(key + " is missing: set it to " + urlHint(kind) + ".");
            }
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
        problems.add(key + " (value hidden, it may hold a token): not an http(s) URL with a host; set it to "
                + urlHint(kind) + ".");
        return null;
    }

    /**
     * The e-mail keys under {@code prefix} ({@code sense.alert.email.} or a named destination's); null when the host
     * is unset. {@code required} (a named destination): an unset host is a problem too.
     */
    static Email readEmail(String prefix, Function<String, String> lookup, List<String> problems, boolean required) {
        SettingsReader values = new SettingsReader(lookup, problems);
        String host = values.get(prefix + "host");
        String password = lookup.apply(prefix + "password");
        Secrets.register(password);
        if (host == null) {
            if (required) {
                problems.add(prefix + "host is missing: give the SMTP server's host name.");
            }
            return null;
        }
        int port = 25;
        String portText = values.get(prefix + "port");
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                values.problem(prefix + "port", portText, "not a port number; use 25, 465 or 587 as your mail server says");
                port = 25;
            }
        }
        String from = values.get(prefix + "from");
        if (from == null) {
            problems.add(prefix + "from is missing: e-mail alerts need a sender address, e.g. sense-probe@example.com.");
        } else if (!isAddress(from)) {
            values.problem(prefix + "from", from, "not an e-mail address; write e.g. sense-probe@example.com");
        }
        List<String> to = new ArrayList<>();
        String toText = values.get(prefix + "to");
        if (toText == null) {
            problems.add(prefix + "to is missing: list the recipients, separated by commas.");
        } else {
            for (String address : toText.split(",")) {
                String a = address.trim();
                if (a.isEmpty()) {
                    continue;
                }
                if (isAddress(a)) {
                    to.add(a);
                } else {
                    problems.add(prefix + "to: \"" + a + "\" is not an e-mail address; separate addresses with commas.");
                }
            }
        }
        String username = values.get(prefix + "username");
        boolean hasPassword = password != null && !password.isEmpty();
        if (username == null && hasPassword) {
            problems.add(prefix + "password is set but " + prefix + "username is not: give the SMTP user name too.");
        }
        if (username != null && !hasPassword) {
            values.problem(prefix + "username", username, prefix + "password is missing; give the SMTP password");
        }
        return new Email(host, port, from, List.copyOf(to), username, hasPassword ? password : null,
                values.bool(prefix + "starttls", false));
    }

    private static boolean isAddress(String text) {
        try {
            new InternetAddress(text, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
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
