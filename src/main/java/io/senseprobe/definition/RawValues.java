package io.senseprobe.definition;

import io.senseprobe.definition.RawValue.Entry;
import io.senseprobe.definition.RawValue.Mapping;
import io.senseprobe.definition.RawValue.Scalar;
import io.senseprobe.definition.RawValue.ScalarType;
import io.senseprobe.definition.RawValue.Sequence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Turns SnakeYAML nodes and CLI option values into {@link RawValue}s. */
final class RawValues {
    // definitions are flat, and SnakeYAML stops deeper files; this stops a self-referencing alias (&a [*a])
    static final int MAX_DEPTH = 20;
    // a 1 MiB file without aliases has fewer; aliases of aliases ("billion laughs") expand to far more
    static final int MAX_VALUES = 500_000;

    private RawValues() {
    }

    /** A node tree deeper or larger than a definition can be: the message and fix for the file's problem. */
    static final class TooLargeException extends RuntimeException {
        private final int line;
        private final String fix;

        TooLargeException(String message, int line, String fix) {
            super(message, null, false, false);
            this.line = line;
            this.fix = fix;
        }

        int line() {
            return line;
        }

        String fix() {
            return fix;
        }
    }

    /**
     * Non-text keys (rare YAML like {@code ? [a, b]}) become entries with a null key, reported by validation.
     * An alias is expanded where it is used, so the tree is bounded in depth and in values.
     */
    static RawValue fromNode(Node node) {
        return fromNode(node, 0, new int[1]);
    }

    private static RawValue fromNode(Node node, int depth, int[] values) {
        int line = lineOf(node);
        if (depth > MAX_DEPTH) {
            throw new TooLargeException("values are nested more than " + MAX_DEPTH + " levels deep (an alias that refers to itself?).", line,
                    "Write each connection as \"key: value\" lines, and remove the alias.");
        }
        if (++values[0] > MAX_VALUES) {
            throw new TooLargeException(String.format(Locale.ROOT, "the file expands to more than %,d values (aliases of aliases?).", MAX_VALUES),
                    line, "Write the values out instead of aliases (*name) of lists, or split the file.");
        }
        if (node instanceof ScalarNode scalar) {
            return new Scalar(scalar.getValue(), scalarType(scalar.getTag()), line);
        }
        if (node instanceof SequenceNode sequence) {
            List<RawValue> items = new ArrayList<>();
            sequence.getValue().forEach(item -> items.add(fromNode(item, depth + 1, values)));
            return new Sequence(items, line);
        }
        MappingNode mapping = (MappingNode) node;
        List<Entry> entries = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode k ? k.getValue() : null;
            entries.add(new Entry(key, lineOf(keyNode), fromNode(tuple.getValueNode(), depth + 1, values)));
        }
        return new Mapping(entries, line);
    }

    private static int lineOf(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static ScalarType scalarType(Tag tag) {
        if (Tag.BOOL.equals(tag)) {
            return ScalarType.BOOLEAN;
        }
        if (Tag.NULL.equals(tag)) {
            return ScalarType.NULL;
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return ScalarType.NUMBER;
        }
        return ScalarType.TEXT;
    }

    /** CLI values: String, Boolean, Number, Path, Collection, Map or null. */
    static RawValue fromJava(Object value) {
        if (value == null) {
            return new Scalar("", ScalarType.NULL, 0);
        }
        if (value instanceof Boolean) {
            return new Scalar(value.toString(), ScalarType.BOOLEAN, 0);
        }
        if (value instanceof Number) {
            return new Scalar(value.toString(), ScalarType.NUMBER, 0);
        }
        if (value instanceof Collection<?> items) {
            return new Sequence(items.stream().map(RawValues::fromJava).toList(), 0);
        }
        if (value instanceof Map<?, ?> map) {
            return fromJavaMap(map);
        }
        return new Scalar(value.toString(), ScalarType.TEXT, 0);
    }

    static Mapping fromJavaMap(Map<?, ?> map) {
        List<Entry> entries = new ArrayList<>();
        map.forEach((k, v) -> entries.add(new Entry(k == null ? null : k.toString(), 0, fromJava(v))));
        return new Mapping(entries, 0);
    }
}
