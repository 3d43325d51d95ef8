package io.senseprobe.logging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every secret value this process has read (key passphrases, JWTs, API keys, webhook URLs, passwords), so the log
 * layout can mask them wherever they turn up, the HTTP client's wire log included.
 */
public final class Secrets {
    public static final String MASK = "***";
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    // too short to mask without garbling ordinary text; such values are still never logged by our own code
    private static final int SHORTEST = 4;

    private Secrets() {
    }

    public static void register(String value) {
        if (value != null && value.length() >= SHORTEST) {
            VALUES.add(value);
        }
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : VALUES) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return BEARER.matcher(out).replaceAll("$1" + MASK);
    }
}
