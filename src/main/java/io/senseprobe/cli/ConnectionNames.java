package io.senseprobe.cli;

/** A connection-test's record is named after the host: scheme, port and path dropped, other characters replaced. */
final class ConnectionNames {
    private ConnectionNames() {
    }

    static String fromHost(String host) {
        if (host == null || host.isBlank()) {
            return "connection-test";
        }
        String h = host.trim().replaceFirst("(?i)^https?://", "");
        int slash = h.indexOf('/');
        if (slash >= 0) {
            h = h.substring(0, slash);
        }
        if (!h.startsWith("[") && h.indexOf(':') == h.lastIndexOf(':') && h.contains(":")) {
            h = h.substring(0, h.indexOf(':'));
        }
        String name = h.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() ? "connection-test" : name;
    }
}
