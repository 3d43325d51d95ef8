package io.senseprobe.definition;

import java.util.List;

/**
 * A value as written, before validation: from a YAML/JSON node tree (with line numbers) or from CLI options.
 * Scalars keep their text, so {@code auth-user-id: 1001} stays "1001" and nothing is lost to number parsing.
 */
sealed interface RawValue {

    /** 1-based line, 0 when unknown. */
    int line();

    /** What kind of thing a value is, for "must be text, not a list" messages. */
    String kind();

    enum ScalarType { TEXT, BOOLEAN, NUMBER, NULL }

    record Scalar(String text, ScalarType type, int line) implements RawValue {
        public String kind() {
            return type == ScalarType.NULL ? "empty" : "a single value";
        }
    }

    record Sequence(List<RawValue> items, int line) implements RawValue {
        public String kind() {
            return "a list";
        }
    }

    /** Entries in file order, duplicates included: validation reports them. */
    record Mapping(List<Entry> entries, int line) implements RawValue {
        public String kind() {
            return "a mapping";
        }
    }

    record Entry(String key, int line, RawValue value) {
    }
}
