package io.senseprobe.simulator;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** Sessions the virtual proxies handed out, as the proxy API lists them. */
final class ProxySessions {
    record Session(String prefix, String userDirectory, String userId, String sessionId) {
    }

    private final List<Session> sessions = new CopyOnWriteArrayList<>();

    void add(Session session) {
        sessions.add(session);
    }

    Session find(String prefix, String sessionId) {
        return sessions.stream().filter(s -> s.prefix().equalsIgnoreCase(prefix) && s.sessionId().equals(sessionId))
                .findFirst().orElse(null);
    }

    List<Session> ofPrefix(String prefix) {
        return sessions.stream().filter(s -> s.prefix().equalsIgnoreCase(prefix)).toList();
    }

    List<Session> ofUser(String prefix, String directory, String id) {
        return ofPrefix(prefix).stream()
                .filter(s -> s.userDirectory().toLowerCase(Locale.ROOT).equals(directory.toLowerCase(Locale.ROOT))
                        && s.userId().equalsIgnoreCase(id))
                .toList();
    }
}
