package io.senseprobe.alert;

import java.util.List;

/**
 * One place alerts go: its id (in spool file names, logs, the state file and {@code alert-to}), its kind
 * ({@code email}, {@code slack}, {@code teams}, {@code webhook}) and that kind's settings: {@code email} for e-mail,
 * {@code url} for the others. The four default ids are the kinds' own ({@code sense.alert.email.*}, ...); a named one
 * comes from {@code sense.alert.destinations.<id>.*}. The URL is a secret: {@link #toString()} never shows it.
 */
public record Destination(String id, String kind, AlertSettings.Email email, String url) {
    public static final String EMAIL = "email";
    public static final String SLACK = "slack";
    public static final String TEAMS = "teams";
    public static final String WEBHOOK = "webhook";
    /** Every kind, which is also the id of its default destination, in delivery order. */
    public static final List<String> KINDS = List.of(EMAIL, SLACK, TEAMS, WEBHOOK);

    /** One of the four destinations of {@code sense.alert.email.*}, {@code .slack.url}, ... */
    public boolean isDefault() {
        return KINDS.contains(id);
    }

    @Override
    public String toString() {
        String what = email != null ? email.toString() : "URL masked";
        return id + (id.equals(kind) ? "" : " (" + kind + ")") + " (" + what + ")";
    }
}
