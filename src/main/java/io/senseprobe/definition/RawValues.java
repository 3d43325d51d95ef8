package io.senseprobe.definition;

import io.senseprobe.definition.RawValue.Entry;
import io.senseprobe.definition.RawValue.Mapping;
import io.senseprobe.definition.RawValue.Scalar;
import io.senseprobe.definition.RawValue.ScalarType;
import io.senseprobe.definition.RawValue.Sequence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Turns SnakeYAML nodes and CLI option values into {@link RawValue}s. */
final class RawValues {
    // definitions are flat; this only stops a self-referencing alias from recursing forever
    private static final int MAX_DEPTH = 20;

    private RawValues() {
    }

    /** Non-text keys (rare YAML like {@code ? [a, b]}) become entries with a null key, reported by validation. */
    static RawValue fromNode(Node node) {
        return fromNode(node, 0);
    }

    private static RawValue fromNode(Node node, int depth) {
        int line = node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        if (depth > MAX_DEPTH) {
            return new Scalar("", ScalarType.NULL, line);
        }
        if (node instanceof ScalarNode scalar) {
            return new Scalar(scalar.getValue(), scalarType(scalar.getTag()), line);
        }
        if (node instanceof SequenceNode sequence) {
            List<RawValue> items = new ArrayList<>();
            sequence.getValue().forEach(item -> items.add(fromNode(item, depth + 1)));
            return new Sequence(items, line);
        }
        MappingNode mapping = (MappingNode) node;
        List<Entry> entries = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode k ? k.getValue() : null;
            entries.add(new Entry(key, keyNode.getStartMark().getLine() + 1, fromNode(tuple.getValueNode(), depth + 1)));
        }
        return new Mapping(entries, line);
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
