package io.senseprobe.definition;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in definitions: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 30d}, or plain seconds. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(ms|s|m|h|d)?");

    private static final int MOST_DIGITS = 40;

    private Durations() {
    }

    /**
     * Parses a duration; a number without a unit means seconds, decimals are allowed ({@code 1.5s}, {@code 0.5}).
     *
     * @throws IllegalArgumentException when the text is not a non-negative duration
     */
    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no duration given");
        }
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration");
        }
        // 292 years is 19 digits of nanoseconds; parsing a number of a million digits takes BigDecimal seconds
        if (m.group(1).length() > MOST_DIGITS) {
            throw new IllegalArgumentException("a duration of " + m.group(1).length() + " digits is out of range");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        BigDecimal nanosPerUnit = switch (unit) {
            case "ms" -> BigDecimal.valueOf(1_000_000L);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            case "m" -> BigDecimal.valueOf(60_000_000_000L);
            case "h" -> BigDecimal.valueOf(3_600_000_000_000L);
            default -> BigDecimal.valueOf(86_400_000_000_000L);
        };
        try {
            return Duration.ofNanos(amount.multiply(nanosPerUnit).longValueExact());
        } catch (ArithmeticException e) {
            // more than ~292 years, or a fraction of a nanosecond
            throw new IllegalArgumentException("\"" + text + "\" is out of range");
        }
    }
}
