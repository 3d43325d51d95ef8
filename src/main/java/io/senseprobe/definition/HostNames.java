package io.senseprobe.definition;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalises and checks host names, tenant hosts and virtual proxy prefixes as people paste them. */
final class HostNames {
    static final int HTTPS_PORT = 443;
    private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{N}._-]+|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern HOST_AND_PORT = Pattern.compile("(.+):(\\d+)");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._~-]*");

    record HostAndPort(String host, int port) {
    }

    private HostNames() {
    }

    /** {@code tenant.eu.qlikcloud.com}, with or without {@code https://}, {@code :port} and a trailing '/'. */
    static HostAndPort tenantHost(String text) throws InvalidValueException {
        String s = text.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            s = s.substring("https://".length());
        } else if (lower.startsWith("http://")) {
            throw new InvalidValueException("Qlik Cloud is reached over https only, not \"" + text + "\".",
                    "Write the tenant host without \"http://\", e.g. \"tenant.eu.qlikcloud.com\".");
        } else if (s.contains("://")) {
            throw new InvalidValueException("\"" + text + "\" is not a tenant host.", "Write it as \"tenant.eu.qlikcloud.com\" or \"https://tenant.eu.qlikcloud.com\".");
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.contains("/")) {
            throw new InvalidValueException("\"" + text + "\" holds a path; only the tenant host is wanted.",
                    "Write \"" + s.substring(0, s.indexOf('/')) + "\".");
        }
        int port = HTTPS_PORT;
        Matcher m = HOST_AND_PORT.matcher(s);
        if (m.matches() && !s.endsWith("]")) {
            s = m.group(1);
            port = port(m.group(2), text);
        }
        checkHost(s, text);
        return new HostAndPort(s, port);
    }

    /** A QSEoW host: a name or address only, the port goes into {@code port}. */
    static String host(String text) throws InvalidValueException {
        String s = text.trim();
        if (s.contains("://")) {
            throw new InvalidValueException("\"" + text + "\" is a URL; only the host name is wanted.",
                    "Write the host alone, e.g. \"sense.example.com\"; the port goes into \"port\" and the prefix into \"virtual-proxy\".");
        }
        Matcher m = HOST_AND_PORT.matcher(s);
        if (m.matches() && !m.group(1).contains(":")) {
            throw new InvalidValueException("\"" + text + "\" holds a port.", "Write \"host: " + m.group(1) + "\" and \"port: " + m.group(2) + "\".");
        }
        checkHost(s, text);
        return s;
    }

    /** {@code jwt}, {@code /jwt} and {@code /jwt/} all become {@code jwt}; empty means the default virtual proxy. */
    static String virtualProxy(String text) throws InvalidValueException {
        String s = text.trim();
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.contains("/") || !PREFIX.matcher(s).matches()) {
            throw new InvalidValueException("\"" + text + "\" is not a virtual proxy prefix.",
                    "Write the prefix as set in the QMC (Virtual proxies > Prefix), e.g. \"jwt\"; leave it out for the default virtual proxy.");
        }
        return s;
    }

    private static int port(String digits, String text) throws InvalidValueException {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidValueException("\"" + text + "\" has a port outside 1-65535.", "Leave the port out to use 443.");
    }

    private static void checkHost(String host, String text) throws InvalidValueException {
        if (!HOST.matcher(host).matches()) {
            throw new InvalidValueException("\"" + text + "\" is not a host name.", "Write a host name such as \"sense.example.com\" or an IP address.");
        }
    }
}
