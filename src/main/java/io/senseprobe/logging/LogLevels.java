package io.senseprobe.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Ctrl-Q's log levels mapped onto logback: error, warn, info, verbose (DEBUG), debug (DEBUG, with Camel and the
 * HTTP client), silly (TRACE, with the HTTP client's wire log). Secrets are masked by {@link RedactingLayout}.
 */
public final class LogLevels {
    public static final List<String> NAMES = List.of("error", "warn", "info", "verbose", "debug", "silly");

    private LogLevels() {
    }

    public static boolean isValid(String name) {
        return name != null && NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    public static void apply(String name) {
        String level = name == null ? "info" : name.toLowerCase(Locale.ROOT);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Level ours = switch (level) {
            case "error" -> Level.ERROR;
            case "warn" -> Level.WARN;
            case "verbose", "debug" -> Level.DEBUG;
            case "silly" -> Level.TRACE;
            default -> Level.INFO;
        };
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(ours);
        context.getLogger("io.senseprobe").setLevel(ours);
        boolean libraries = level.equals("debug") || level.equals("silly");
        context.getLogger("org.apache.camel").setLevel(libraries ? ours : Level.WARN);
        // logs every property value it resolves (SMTP password, webhook URLs) at DEBUG, before they can be masked
        context.getLogger("org.apache.camel.component.properties").setLevel(Level.INFO);
        context.getLogger("org.apache.hc").setLevel(libraries ? ours : Level.WARN);
        context.getLogger("org.apache.hc.client5.http.wire").setLevel(level.equals("silly") ? Level.DEBUG : Level.WARN);
    }
}
