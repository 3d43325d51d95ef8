package io.senseprobe.result;

/**
 * {@code <connection>/<check>}: how status.json and the alert state key a record. Connection names cannot hold a
 * slash, so the connection is everything before the last one.
 */
public final class ResultKeys {
    private ResultKeys() {
    }

    public static String of(CheckResult result) {
        return result.connection() + "/" + (result.check() == null ? "-" : result.check());
    }

    public static String connectionOf(String key) {
        return key.substring(0, key.lastIndexOf('/'));
    }
}
