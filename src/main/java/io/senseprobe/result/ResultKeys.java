package io.senseprobe.result;

/**
 * {@code <connection>/<check>}: how status.json and the alert state key a record. Connection names cannot hold a
 * slash, so the connection is everything before the last one.
 */
public final class ResultKeys {
    private ResultKeys() {
    }

    public static String of(CheckResult result) {
        return of(result.connection(), result.check());
    }

    public static String of(String connection, String check) {
        return connection + "/" + (check == null ? "-" : check);
    }

    /** The connection of a key; a key without a check (an alert state file of one check per connection) is one. */
    public static String connectionOf(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }
}
