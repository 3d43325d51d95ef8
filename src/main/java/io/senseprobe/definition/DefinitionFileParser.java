package io.senseprobe.definition;

import io.senseprobe.definition.RawValue.Entry;
import io.senseprobe.definition.RawValue.Mapping;
import io.senseprobe.definition.RawValue.Sequence;
import io.senseprobe.files.BoundedFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
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
    /** A definition file is a few KiB; 1 MiB holds some 10,000 connections. Larger is a wrong file. */
    static final int LARGEST_FILE = BoundedFiles.ONE_MIB;
    /** More connections in one file is a generated file gone wrong: split it, the folder can hold many. */
    static final int MOST_CONNECTIONS = 10_000;
    // definitions are flat (connections: [ {key: value or list} ]); deeper is not a definition
    static final int NESTING_LIMIT = 20;
    // composing aliases costs nothing (SnakeYAML shares the node); expanding them is bounded by RawValues.MAX_VALUES,
    // so this only stops a file that is little but aliases (one per connection's "checks: *common" is fine)
    static final int ALIAS_LIMIT = 100_000;
    private static final LoaderOptions OPTIONS = loaderOptions();

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
            root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), OPTIONS), new Resolver(), OPTIONS)
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
            limitExceeded(e, problems);
            return List.of();
        } catch (RuntimeException e) {
            // SnakeYAML throws YAMLException for what it rejects; anything else is its bug, and must not stop the loader
            problems.add(0, null, null, "the file cannot be parsed as YAML or JSON (" + e.getClass().getSimpleName() + ").",
                    "Check that it is a UTF-8 text file with YAML or JSON content.");
            return List.of();
        }
        if (root == null) {
            problems.add(0, null, null, "the file is empty.",
                    "Write one connection as a mapping, or several under \"connections:\", or delete the file.");
            return List.of();
        }
        RawValue value;
        try {
            value = RawValues.fromNode(root);
        } catch (RawValues.TooLargeException e) {
            problems.add(e.line(), null, null, e.getMessage(), e.fix());
            return List.of();
        }
        if (!(value instanceof Mapping mapping)) {
            problems.add(value.line(), null, null, "the file holds " + value.kind() + ", not a mapping.",
                    "Write one connection as \"key: value\" lines, or several as a list under \"connections:\".");
            return List.of();
        }
        return mapping.entries().stream().anyMatch(e -> CONNECTIONS.equals(e.key()))
                ? connectionList(mapping, problems)
                : List.of(new Item(1, mapping));
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(NESTING_LIMIT);
        options.setMaxAliasesForCollections(ALIAS_LIMIT);
        options.setCodePointLimit(LARGEST_FILE);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /** SnakeYAML's limits (nesting, aliases, size) and its other unmarked errors, as a problem of the file. */
    private static void limitExceeded(YAMLException e, ProblemSink problems) {
        String text = String.valueOf(e.getMessage());
        if (text.startsWith("Nesting Depth exceeded")) {
            problems.add(0, null, null, "the file is nested more than " + NESTING_LIMIT + " levels deep; a definition is a list of flat mappings.",
                    "Write each connection as \"key: value\" lines (lists one level deep), as in the README.");
        } else if (text.startsWith("Number of aliases")) {
            problems.add(0, null, null, String.format(Locale.ROOT, "the file uses more than %,d", ALIAS_LIMIT) + " aliases (*name) of lists or mappings, which can make a small file expand to millions of values.",
                    "Write the lists out, or use fewer anchors and aliases.");
        } else if (text.startsWith("The incoming YAML document exceeds the limit")) {
            problems.add(0, null, null, "the file is larger than " + BoundedFiles.size(LARGEST_FILE) + ".",
                    "Split the connections over several files of the folder.");
        } else {
            problems.add(0, null, null, "the file cannot be parsed as YAML or JSON.", "Check that it is a UTF-8 text file with YAML or JSON content.");
        }
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
        if (list.items().size() > MOST_CONNECTIONS) {
            problems.add(first.line(), null, CONNECTIONS, String.format(Locale.ROOT,
                            "the list holds %,d connections, more than the %,d a file may hold; only the first %,d are read.",
                            list.items().size(), MOST_CONNECTIONS, MOST_CONNECTIONS),
                    "Split the list over several files of the folder.");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < Math.min(list.items().size(), MOST_CONNECTIONS); i++) {
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
            byte[] bytes = BoundedFiles.read(file, LARGEST_FILE);
            int nul = indexOfNul(bytes);
            if (nul >= 0) {
                problems.add(0, null, null, "the file is binary, not YAML or JSON text (a zero byte at offset " + nul + ").",
                        "Point at the definition file itself, or save it as UTF-8 text.");
                return null;
            }
            String text = BoundedFiles.decode(bytes, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (BoundedFiles.TooLargeException e) {
            problems.add(0, null, null, "the file is larger than " + BoundedFiles.size(e.limit()) + ", far more than a definition file holds.",
                    "Split the connections over several files of the folder, or point at the definition file itself.");
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

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
