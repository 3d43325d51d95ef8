package io.senseprobe.definition;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTPS proxy, as {@code proxy-url} or {@code HTTPS_PROXY} give it: {@code http://host:port}, the scheme and the
 * port optional as with curl ({@code proxy.corp:3128}, port 1080 when absent). The tunnel is an HTTP CONNECT, so the
 * check's TLS still runs end to end with the site. Proxy authentication is not supported: a user in the URL is a
 * problem, and it is never echoed.
 */
public record ProxyAddress(String host, int port) {
    /** curl's default proxy port. */
    static final int DEFAULT_PORT = 1080;
    private static final Pattern URL = Pattern.compile("(?:([A-Za-z][A-Za-z0-9+.-]*)://)?([^/?#]*)([^?#]*)(.*)");
    private static final Pattern HOST_PORT = Pattern.compile("([\\p{L}\\p{N}._-]+|\\[[0-9A-Fa-f:.]+])(?::(\\d{1,5}))?");

    /** {@code http://host:port}: how a definition keeps it. */
    @Override
    public String toString() {
        return "http://" + host + ":" + port;
    }

    static ProxyAddress parse(String text) throws InvalidValueException {
        String t = text.trim();
        Matcher m = URL.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new InvalidValueException("is not a proxy URL.", "Write it as \"http://proxy.example.com:3128\".");
        }
        String scheme = m.group(1) == null ? "http" : m.group(1).toLowerCase(Locale.ROOT);
        String authority = m.group(2);
        if (authority.contains("@")) {
            throw new InvalidValueException("holds a user and password; proxy authentication is not supported.",
                    "Use a proxy that lets this host through without a login, or reach the site directly.");
        }
        String shown = "\"" + t + "\"";
        if (!scheme.equals("http")) {
            throw new InvalidValueException(shown + " uses " + scheme + "://; the proxy is spoken to in plain HTTP (the tunnel inside is TLS).",
                    "Write it as \"http://" + authority + "\".");
        }
        if (!m.group(3).isEmpty() && !m.group(3).equals("/") || !m.group(4).isEmpty()) {
            throw new InvalidValueException(shown + " holds a path or query; a proxy is a host and a port.",
                    "Write it as \"http://" + authority + "\".");
        }
        Matcher hp = HOST_PORT.matcher(authority);
        if (!hp.matches()) {
            throw new InvalidValueException(shown + " does not name a proxy host.", "Write it as \"http://proxy.example.com:3128\".");
        }
        int port = hp.group(2) == null ? DEFAULT_PORT : Integer.parseInt(hp.group(2));
        if (port < 1 || port > 65535) {
            throw new InvalidValueException(shown + " has a port outside 1-65535.", "Write the proxy's port, e.g. \":3128\".");
        }
        return new ProxyAddress(hp.group(1).toLowerCase(Locale.ROOT), port);
    }

    /** A proxy from an environment variable; the exception's message says which variable is wrong, and how. */
    public static ProxyAddress fromEnvironment(String variable, String text) {
        try {
            return parse(text);
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException("The environment variable " + variable + " " + e.getMessage() + " " + e.fix());
        }
    }

    /** A {@code proxy-url} the validator accepted (its {@link #toString()} form). */
    public static ProxyAddress ofValidated(String url) {
        return fromEnvironment("proxy-url", url);
    }
}
