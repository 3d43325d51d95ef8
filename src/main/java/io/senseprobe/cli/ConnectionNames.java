package io.senseprobe.cli;

import io.senseprobe.definition.Target;

/** A connection-test's record is named after the host: scheme, port and path dropped, other characters replaced. */
final class ConnectionNames {
    private ConnectionNames() {
    }

    /** Without a host the name says which option is missing: "no-host" (qseow) or "no-tenant-host" (qscloud). */
    static String fromHost(String host, Target target) {
        String none = target == Target.QSCLOUD ? "no-tenant-host" : "no-host";
        if (host == null || host.isBlank()) {
            return none;
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
        return name.isEmpty() ? none : name;
    }
}
