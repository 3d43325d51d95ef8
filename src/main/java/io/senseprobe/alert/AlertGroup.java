package io.senseprobe.alert;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The messages of one kind that waited together for one destination, sorted by connection and check, and the files
 * that hold them while they wait. One message goes out as it is; several as one grouped message.
 */
record AlertGroup(String destination, AlertKind kind, List<AlertMessage> messages, List<Path> files) {
    static final Comparator<AlertMessage> ORDER = Comparator
            .comparing((AlertMessage m) -> m.result().connection(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(m -> m.result().check() == null ? "" : m.result().check());

    /** The message to send: the only one, or the grouped one {@code templates} render. */
    AlertMessage message(AlertTemplates templates, int max, Duration wait, Instant now) {
        if (messages.size() == 1) {
            return messages.get(0);
        }
        AlertTemplates.Rendered r = templates.renderGroup(kind, messages, max, wait, now);
        return AlertMessage.grouped(kind, r.subject(), r.text(), now.toString(), messages);
    }
}
