package io.senseprobe.definition;

import io.senseprobe.definition.RawValue.Entry;
import io.senseprobe.definition.RawValue.Mapping;
import io.senseprobe.definition.RawValue.Sequence;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a definition file into its connection mappings: one mapping, or a mapping whose only key is
 * {@code connections:} holding a list. Uses SnakeYAML's node tree rather than a data binder, so duplicate keys
 * and line numbers survive, and one bad value does not hide the file's other problems.
 */
final class DefinitionFileParser {
    static final String CONNECTIONS = "connections";

    /** A connection mapping and its 1-based position in the file, for {@code #<index>} labels. */
    record Item(int index, Mapping mapping) {
    }

    private DefinitionFileParser() {
    }

    static List<Item> parse(Path file, ProblemSink problems) {
        String text = read(file, problems);
        if (text == null) {
            return List.of();
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        if (json) {
            text = jsonAsYaml(text);
        }
        Node root;
        try {
            // what Yaml.compose does, without building a Yaml (its constructor and representer) per file
            LoaderOptions options = new LoaderOptions();
            root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            // only the problem text and the position: SnakeYAML's snippet of the line could show a secret
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(mark == null ? 0 : mark.getLine() + 1, null, null,
                    "YAML syntax error" + (mark == null ? "" : " at column " + (mark.getColumn() + 1)) + ": " + e.getProblem() + ".",
                    json ? "Fix the JSON syntax (quotes, commas, brackets)."
                            : "Fix the syntax (indent with spaces, \"key: value\", quote values that contain ': ' or start with a special character).");
            return List.of();
        } catch (YAMLException e) {
            problems.add(0, null, null, "the file cannot be parsed as YAML or JSON.", "Check that it is a UTF-8 text file with YAML or JSON content.");
            return List.of();
        }
        if (root == null) {
            problems.add(0, null, null, "the file is empty.",
                    "Write one connection as a mapping, or several under \"connections:\", or delete the file.");
            return List.of();
        }
        RawValue value = RawValues.fromNode(root);
        if (!(value instanceof Mapping mapping)) {
            problems.add(value.line(), null, null, "the file holds " + value.kind() + ", not a mapping.",
                    "Write one connection as \"key: value\" lines, or several as a list under \"connections:\".");
            return List.of();
        }
        return mapping.entries().stream().anyMatch(e -> CONNECTIONS.equals(e.key()))
                ? connectionList(mapping, problems)
                : List.of(new Item(1, mapping));
    }

    private static List<Item> connectionList(Mapping root, ProblemSink problems) {
        Entry first = null;
        for (Entry entry : root.entries()) {
            if (!CONNECTIONS.equals(entry.key())) {
                problems.add(entry.line(), null, entry.key(), "a file with \"connections:\" holds nothing else.",
                        "Move the key into a connection in the list, or put the connection in a file of its own.");
            } else if (first == null) {
                first = entry;
            } else {
                problems.add(entry.line(), null, CONNECTIONS, "duplicate key (first on line " + first.line() + ").",
                        "Keep one \"connections:\" list and merge the lists.");
            }
        }
        if (!(first.value() instanceof Sequence list)) {
            problems.add(first.line(), null, CONNECTIONS, "must be a list of connections, but is " + first.value().kind() + ".",
                    "Write each connection as a list item starting with \"- name: ...\".");
            return List.of();
        }
        if (list.items().isEmpty()) {
            problems.add(first.line(), null, CONNECTIONS, "the list is empty.", "Add connections, or delete the file.");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            RawValue item = list.items().get(i);
            if (item instanceof Mapping mapping) {
                items.add(new Item(i + 1, mapping));
            } else {
                problems.add(item.line(), "#" + (i + 1), null, "is " + item.kind() + ", not a mapping of keys and values.",
                        "Write the connection as indented \"key: value\" lines after \"- \".");
            }
        }
        return items;
    }

    /**
     * JSON is read with the YAML parser; two things valid in JSON are not in SnakeYAML's YAML 1.1: tabs between
     * tokens and the escape {@code \/}. A raw tab cannot be inside a valid JSON string, so both are safe to rewrite.
     */
    static String jsonAsYaml(String json) {
        StringBuilder yaml = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                char next = json.charAt(++i);
                yaml.append(next == '/' ? "/" : "\\" + next);
            } else {
                yaml.append(c == '\t' ? ' ' : c);
            }
        }
        return yaml.toString();
    }

    private static String read(Path file, ProblemSink problems) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            problems.add(0, null, null, "the file does not exist.", "Check the path.");
        } catch (CharacterCodingException e) {
            problems.add(0, null, null, "the file is not UTF-8 text.", "Save it as UTF-8.");
        } catch (IOException e) {
            problems.add(0, null, null, "the file cannot be read: " + e.getMessage() + ".",
                    "Let the user that runs sense-probe read it.");
        }
        return null;
    }
}
