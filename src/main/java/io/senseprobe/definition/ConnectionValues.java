package io.senseprobe.definition;

import io.senseprobe.definition.RawValue.Entry;
import io.senseprobe.definition.RawValue.Mapping;
import io.senseprobe.definition.RawValue.Scalar;
import io.senseprobe.definition.RawValue.ScalarType;
import io.senseprobe.definition.RawValue.Sequence;
import io.senseprobe.result.Category;
import io.senseprobe.logging.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys of one connection with typed reads. A read that fails records a problem naming the key and returns
 * empty, so the caller goes on and the file's other problems are reported too. Secret values are never quoted.
 */
final class ConnectionValues {
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    // each key's value is resolved once, so a missing variable is one problem however often the key is read
    private final Map<String, Optional<String>> resolved = new HashMap<>();
    private final ValueReferences references;
    private final Set<String> literalSecrets = new LinkedHashSet<>();
    private final Map<String, Path> secretFiles = new LinkedHashMap<>();
    private final ProblemSink problems;
    private final String connection;
    private final int line;

    ConnectionValues(Mapping mapping, String connection, ProblemSink problems, ValueReferences references) {
        this.problems = problems;
        this.references = references;
        this.connection = connection;
        this.line = mapping.line();
        for (Entry entry : mapping.entries()) {
            if (entry.key() == null) {
                problems.add(entry.line(), connection, null, "a key is not plain text.", "Write keys as plain words such as \"host\".");
            } else if (entries.containsKey(entry.key())) {
                problems.add(entry.line(), connection, entry.key(),
                        "duplicate key on line " + entry.line() + " (first on line " + entries.get(entry.key()).line() + ").",
                        "Keep one of them.");
            } else {
                entries.put(entry.key(), entry);
            }
        }
    }

    /** The name when it is given as text, else {@code #<index>}: how problems refer to the connection. */
    static String labelOf(Mapping mapping, int index) {
        for (Entry entry : mapping.entries()) {
            if (DefinitionKeys.NAME.equals(entry.key()) && entry.value() instanceof Scalar s
                    && s.type() != ScalarType.NULL && !s.text().isBlank()) {
                return s.text().trim();
            }
        }
        return "#" + index;
    }

    String connection() {
        return connection;
    }

    Set<String> keys() {
        return entries.keySet();
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    int line(String key) {
        Entry entry = entries.get(key);
        return entry == null ? line : entry.line();
    }

    /** The value as written (for keys with a structure of their own, e.g. {@code maintenance}). */
    Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** A problem at a line inside a key's value (an item of a list). */
    void problemAt(int line, String key, String message, String fix) {
        problems.add(line > 0 ? line : line(key), connection, key, message, fix);
    }

    void problem(String key, String message, String fix) {
        problem(key, message, fix, Category.INVALID_DEFINITION);
    }

    void problem(String key, String message, String fix, Category category) {
        problems.add(line(key), connection, key, message, fix, category);
    }

    /** The value quoted for a message, or "the value" for secrets. */
    private static final int LONGEST_SHOWN = 100;

    static String shown(String key, String text) {
        if (DefinitionKeys.isSecret(key)) {
            return "the value";
        }
        // a problem stays one readable line, whatever was pasted into the value
        return text.length() <= LONGEST_SHOWN ? "\"" + text + "\""
                : "\"" + text.substring(0, LONGEST_SHOWN - 20) + "…\" (" + text.length() + " characters)";
    }

    /**
     * Any scalar as text ({@code 1001} stays "1001"), a {@code ${env:...}} or {@code ${file:...}} reference resolved;
     * empty when absent or wrong. The resolved value of a secret key is registered for masking at once.
     */
    Optional<String> text(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.value() instanceof Scalar s && s.type() != ScalarType.NULL) {
            return resolved.computeIfAbsent(key, k -> resolve(k, s.text()));
        }
        if (entry.value() instanceof Scalar) {
            problem(key, "has no value.", "Give a value, or remove the key to use the default.");
        } else {
            problem(key, "must be a single value, not " + entry.value().kind() + ".", "Write it as \"" + key + ": value\".");
        }
        return Optional.empty();
    }

    private Optional<String> resolve(String key, String text) {
        ValueReferences.Resolved value = references.resolve(this, key, text);
        if (value == null) {
            return Optional.empty();
        }
        if (DefinitionKeys.isSecret(key)) {
            if (value.reference()) {
                Secrets.register(value.value());
            } else if (!value.value().isBlank()) {
                literalSecrets.add(key);
            }
            if (value.file() != null) {
                secretFiles.put(key, value.file());
            }
        }
        return Optional.of(value.value());
    }

    /** The secret keys read so far whose value is written in the definition itself, not referenced. */
    Set<String> literalSecrets() {
        return literalSecrets;
    }

    /** The files that secret keys read so far took their value from ({@code ${file:...}}). */
    Map<String, Path> secretFiles() {
        return secretFiles;
    }

    /**
     * True when an unknown key of this connection is a typo of {@code key}: its "did you mean" problem stands for
     * the missing key too, so one typo is one problem.
     */
    boolean mistyped(String key) {
        return entries.keySet().stream().filter(k -> !DefinitionKeys.isKnown(k))
                .anyMatch(k -> Suggestions.closest(k, DefinitionKeys.all()).filter(key::equals).isPresent());
    }

    /** Text that must be present and not blank; {@code forWhat} says why, e.g. "qseow connections". */
    Optional<String> required(String key, String forWhat) {
        if (!has(key)) {
            if (!mistyped(key)) {
                problem(key, "missing; it is required for " + forWhat + ".", "Add \"" + key + ": ...\".");
            }
            return Optional.empty();
        }
        Optional<String> text = text(key);
        if (text.isPresent() && text.get().isBlank()) {
            problem(key, "is empty; it is required for " + forWhat + ".", "Give a value.");
            return Optional.empty();
        }
        return text.map(String::trim);
    }

    /** YAML booleans (true, yes, on, ...) or the strings true/false in any case. */
    Optional<Boolean> bool(String key) {
        Entry entry = entries.get(key);
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.get().trim().toLowerCase(Locale.ROOT);
        boolean yamlBoolean = entry.value() instanceof Scalar s && s.type() == ScalarType.BOOLEAN;
        if (t.equals("true") || yamlBoolean && (t.equals("yes") || t.equals("on") || t.equals("y"))) {
            return Optional.of(true);
        }
        if (t.equals("false") || yamlBoolean && (t.equals("no") || t.equals("off") || t.equals("n"))) {
            return Optional.of(false);
        }
        problem(key, "must be true or false, not " + shown(key, text.get()) + ".", "Write \"" + key + ": true\" or \"" + key + ": false\".");
        return Optional.empty();
    }

    /** A TCP port 1-65535; a numeric string is fine. */
    Optional<Integer> port(String key) {
        return integer(key, 1, 65535, "a port number from 1 to 65535", 443);
    }

    Optional<Integer> atLeastOne(String key) {
        return integer(key, 1, Integer.MAX_VALUE, "a whole number of at least 1", 3);
    }

    private Optional<Integer> integer(String key, int min, int max, String expected, int example) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.get().trim();
        try {
            int value = Integer.parseInt(t);
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, "must be " + expected + ", not " + shown(key, t) + ".", "Write a number such as \"" + key + ": " + example + "\".");
        return Optional.empty();
    }

    /** A duration such as 10s; {@code zeroAllowed} for keys where 0 means "off". */
    Optional<Duration> duration(String key, boolean zeroAllowed) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Duration d = Durations.parse(text.get());
            if (!d.isZero() || zeroAllowed) {
                return Optional.of(d);
            }
            problem(key, "must be longer than 0.", "Write a duration such as \"" + key + ": 10s\".");
        } catch (IllegalArgumentException e) {
            problem(key, "must be a duration, not " + shown(key, text.get()) + ".",
                    "Write a number with a unit (500ms, 10s, 2m, 1h, 30d) or a plain number of seconds.");
        }
        return Optional.empty();
    }

    /** A list of single values, each as text. */
    Optional<List<String>> texts(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!(entry.value() instanceof Sequence sequence)) {
            problem(key, "must be a list, not " + entry.value().kind() + ".", "Write it as \"" + key + ": [a, b]\" or as \"- a\" lines.");
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        for (RawValue item : sequence.items()) {
            if (item instanceof Scalar s && s.type() != ScalarType.NULL && !s.text().isBlank()) {
                items.add(s.text().trim());
            } else {
                problems.add(item.line() > 0 ? item.line() : entry.line(), connection, key,
                        "every item must be a single value, but one is " + (item instanceof Scalar ? "empty" : item.kind()) + ".",
                        "Write each item as plain text.");
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(items));
    }
}
