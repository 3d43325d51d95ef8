package io.senseprobe.alert;

import io.senseprobe.result.ResultKeys;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import io.senseprobe.result.CheckResult;

/**
 * One alert, rendered once and handed to every destination (and kept as such in the spool).
 * {@code since} is when the failing streak began, {@code lastOk} the last successful check (null: none seen);
 * both ISO-8601 instants. Holds no destination address and no secret. A grouped message ({@link #grouped}, {@link #hasGroup}) has
 * no result of its own: {@code group} holds the connections' own messages, sorted, and subject and text list them.
 * {@code affected}: the failing connections that depend on this one ({@code depends-on}) and are not alerted on
 * their own meanwhile (empty: none).
 */
@JsonPropertyOrder({"kind", "since", "lastOk", "subject", "text", "createdAt", "affected", "result", "group"})
public record AlertMessage(AlertKind kind, String since, String lastOk, String subject, String text,
        String createdAt, CheckResult result, @JsonInclude(JsonInclude.Include.NON_NULL) List<AlertMessage> group,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> affected) {

    public AlertMessage {
        affected = affected == null ? List.of() : List.copyOf(affected);
    }

    /** One connection's message (a factory, not a constructor: the spool's reader must see one constructor only). */
    public static AlertMessage single(AlertKind kind, String since, String lastOk, String subject, String text,
            String createdAt, CheckResult result) {
        return single(kind, since, lastOk, subject, text, createdAt, result, List.of());
    }

    /** As {@link #single}, listing the failing connections that depend on this one. */
    public static AlertMessage single(AlertKind kind, String since, String lastOk, String subject, String text,
            String createdAt, CheckResult result, List<String> affected) {
        return new AlertMessage(kind, since, lastOk, subject, text, createdAt, result, null, affected);
    }

    /** Several connections' messages of one kind in one ({@code group} sorted, two or more). */
    public static AlertMessage grouped(AlertKind kind, String subject, String text, String createdAt,
            List<AlertMessage> group) {
        return new AlertMessage(kind, null, null, subject, text, createdAt, null, List.copyOf(group), List.of());
    }

    /** "connection/check", how logs and the state file name the thing that alerts; "N connections" for a group. */
    public String subjectKey() {
        return group == null ? ResultKeys.of(result) : group.size() + " connections";
    }

    /**
     * Which decision a single message is: its kind, connection/check, time and text. The same for every
     * destination's copy and for its entry in a group (not a bean getter: not written to the spool).
     */
    public String decisionKey() {
        return kind.id() + " " + ResultKeys.of(result) + " " + createdAt + " " + result.message();
    }

    /** Not a bean getter: an {@code isGroup} would be read as the property "group" and hide it from the spool. */
    public boolean hasGroup() {
        return group != null;
    }
}
