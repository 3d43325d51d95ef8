package io.senseprobe.definition;

import io.senseprobe.result.Category;
import java.nio.file.Path;

/**
 * One thing wrong with a definition, with what to do about it.
 *
 * @param file       the definition file, or for values from the command line a label such as {@code command line}
 * @param line       1-based line in the file, 0 when unknown
 * @param connection the connection's name, {@code #<index>} (1-based) when it has none, null for whole-file problems
 * @param key        the key concerned, null when the problem is not about one key
 * @param category   {@link Category#INVALID_DEFINITION}, or CERT_FILE / KEY_PASSPHRASE for PEM problems
 */
public record Problem(Path file, int line, String connection, String key, String message, String fix, Category category) {

    /** One line: {@code file:line: connection "name", key "k": message fix}. */
    public String describe() {
        return describe(null);
    }

    /** As {@link #describe()}, with the file shown relative to {@code base} when it lies below it. */
    public String describe(Path base) {
        StringBuilder text = new StringBuilder(shownFile(base));
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (connection != null) {
            text.append("connection ").append(connection.startsWith("#") ? connection : '"' + connection + '"');
            text.append(key != null ? ", " : ": ");
        }
        if (key != null) {
            text.append("key \"").append(key).append("\": ");
        }
        text.append(message);
        if (fix != null && !fix.isEmpty()) {
            text.append(' ').append(fix);
        }
        return text.toString();
    }

    private String shownFile(Path base) {
        if (file == null) {
            return "(unknown source)";
        }
        if (base != null && file.isAbsolute() && file.startsWith(base.toAbsolutePath())) {
            return base.toAbsolutePath().relativize(file).toString().replace('\\', '/');
        }
        return file.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
