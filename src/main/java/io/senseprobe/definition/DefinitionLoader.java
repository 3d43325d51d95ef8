package io.senseprobe.definition;

import io.senseprobe.definition.RawValue.Entry;
import io.senseprobe.definition.RawValue.Mapping;
import io.senseprobe.result.Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Loads connection definitions from YAML/JSON files (or CLI values) and validates them, collecting every
 * problem instead of stopping at the first. Relative paths in files resolve against the app home, never the
 * current directory, so the service finds the same files wherever it is started. A value written as
 * {@code ${env:NAME}} or {@code ${file:PATH}} is resolved here ({@link ValueReferences}); files holding secrets that
 * others can read are noted ({@link LoadResult#notes()}) and logged once.
 */
public final class DefinitionLoader {
    /** The service setting that lets inbox files use {@code ${env:...}} and {@code ${file:...}}. */
    public static final String INBOX_REFS_SETTING = "sense.inbox.allow-secret-refs";

    private final Path appHome;
    private final ValueReferences references;
    // the configured alert destinations' ids; null: alert-to is not checked against them
    private final Set<String> alertDestinations;

    /** References read the process's environment, and files relative to the app home. */
    public DefinitionLoader(Path appHome) {
        this(appHome, System::getenv);
    }

    /** {@code environment}: what {@code ${env:NAME}} reads (tests give their own). */
    public DefinitionLoader(Path appHome, Function<String, String> environment) {
        this(appHome.toAbsolutePath().normalize(), ValueReferences.allowed(environment, appHome.toAbsolutePath().normalize()));
    }

    private DefinitionLoader(Path appHome, ValueReferences references) {
        this(appHome, references, null);
    }

    private DefinitionLoader(Path appHome, ValueReferences references, Set<String> alertDestinations) {
        this.appHome = appHome;
        this.references = references;
        this.alertDestinations = alertDestinations == null ? null : Set.copyOf(alertDestinations);
    }

    /** The same loader, for which an {@code alert-to} id outside {@code ids} (the configured destinations) is a problem. */
    public DefinitionLoader withAlertDestinations(Collection<String> ids) {
        return new DefinitionLoader(appHome, references, Set.copyOf(ids));
    }

    /**
     * The same loader for inbox files: a {@code ${env:...}} or {@code ${file:...}} there is a problem of the file, so
     * that whoever can write to the inbox cannot read the service's environment or files (e.g. through {@code host:}).
     */
    public DefinitionLoader forbiddingReferences() {
        return new DefinitionLoader(appHome, references.forbidden(
                "this is an inbox file, and " + INBOX_REFS_SETTING + " is false, so that whoever can write to the inbox cannot read the service's environment or files"),
                alertDestinations);
    }

    /**
     * The same loader for inbox files: every file a definition names (certificates, keys, {@code ${file:...}}) must
     * lie under {@code folders} by its real path, else it is a problem of the file, so that whoever can write to the
     * inbox cannot make the service read, or probe for, any file it can read. The default certificate files under
     * the app home are the service's own and not named by the definition: they are not checked.
     */
    public DefinitionLoader confinedTo(AllowedFolders folders) {
        return new DefinitionLoader(appHome, references.confinedTo(folders), alertDestinations);
    }

    /** {@code .yaml}, {@code .yml} or {@code .json}, and not a dot-file (editor backups, .gitkeep). */
    public static boolean isDefinitionFile(Path p) {
        Path fileName = p.getFileName();
        if (fileName == null) {
            return false;
        }
        String name = fileName.toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    /** One file; duplicate names within it are problems. */
    public LoadResult load(Path file) {
        return loadAll(List.of(file));
    }

    /**
     * Several files, in path order. A name used again, in the same or a later file, is a problem of the later
     * connection, which is left out; the first keeps its place.
     */
    public LoadResult loadAll(Collection<Path> files) {
        List<Path> sorted = files.stream().map(f -> f.toAbsolutePath().normalize()).distinct().sorted().toList();
        List<Definition> definitions = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Problem> notes = new ArrayList<>();
        Map<String, NameOrigin> names = new HashMap<>();
        ConnectionValidator validator = new ConnectionValidator(appHome, appHome, references, alertDestinations);
        Map<String, Integer> dependsOnLines = new HashMap<>();
        for (Path file : sorted) {
            ProblemSink sink = new ProblemSink(file);
            for (DefinitionFileParser.Item item : DefinitionFileParser.parse(file, sink)) {
                Optional<Definition> definition = validator.validate(item.mapping(), item.index(), sink, file);
                boolean unique = registerName(item, file, names, sink);
                if (unique) {
                    definition.ifPresent(definitions::add);
                    definition.ifPresent(d -> item.mapping().entries().stream()
                            .filter(e -> DefinitionKeys.DEPENDS_ON.equals(e.key())).findFirst()
                            .ifPresent(e -> dependsOnLines.put(d.name(), e.line())));
                }
            }
            problems.addAll(sink.problems());
            notes.addAll(sink.notes());
        }
        List<Problem> dependencyProblems = DependsOnRules.problems(definitions, names.keySet(), dependsOnLines);
        if (!dependencyProblems.isEmpty()) {
            problems.addAll(dependencyProblems);
            Set<String> bad = new HashSet<>();
            dependencyProblems.forEach(p -> bad.add(p.connection()));
            definitions.removeIf(d -> bad.contains(d.name()));
        }
        return new LoadResult(definitions, problems, notes);
    }

    /** Every definition file directly in {@code folder} (not its subfolders); a missing folder is a problem. */
    public LoadResult loadDirectory(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            return loadAll(listing.filter(p -> isDefinitionFile(p) && Files.isRegularFile(p)).toList());
        } catch (IOException e) {
            Problem problem = new Problem(folder.toAbsolutePath().normalize(), 0, null, null,
                    "the folder of connection definitions cannot be read.", "Create it, or check its permissions.",
                    Category.INVALID_DEFINITION);
            return new LoadResult(List.of(), List.of(problem));
        }
    }

    /**
     * One definition from key/value pairs with the file keys (the CLI's {@code connection-test} options).
     * Values may be String, Boolean, Number, Path or a list. Given paths resolve against {@code pathBase}
     * (the current directory for the CLI); default certificate files still resolve against the app home.
     * Problems name {@code sourceLabel} (e.g. "command line") as their file; {@link Definition#source()} is null.
     */
    public LoadResult fromValues(Map<String, ?> values, String sourceLabel, Path pathBase) {
        ProblemSink sink = new ProblemSink(Path.of(sourceLabel));
        Path base = pathBase.toAbsolutePath().normalize();
        Optional<Definition> definition = new ConnectionValidator(appHome, base, references.basedAt(base), alertDestinations)
                .validate(RawValues.fromJavaMap(values), 1, sink, null);
        return new LoadResult(definition.stream().toList(), sink.problems(), sink.notes());
    }

    private record NameOrigin(Path file, int line, String name) {
    }

    // names compare ignoring case: output files and log lines are named after them, on case-insensitive disks too
    private boolean registerName(DefinitionFileParser.Item item, Path file, Map<String, NameOrigin> names, ProblemSink sink) {
        Optional<Entry> nameEntry = nameEntry(item.mapping());
        if (nameEntry.isEmpty()) {
            return true;
        }
        String name = ConnectionValues.labelOf(item.mapping(), item.index());
        NameOrigin first = names.putIfAbsent(name.toLowerCase(Locale.ROOT), new NameOrigin(file, nameEntry.get().line(), name));
        if (first == null) {
            return true;
        }
        String where = first.file().equals(file) ? "on line " + first.line() + " of this file" : "in " + shown(first.file()) + lineSuffix(first.line());
        sink.add(nameEntry.get().line(), name, DefinitionKeys.NAME,
                "the name \"" + name + "\" is already used " + where + (first.name().equals(name) ? "" : " (as \"" + first.name() + "\"; names are compared ignoring case)") + ".",
                "Give each connection its own name.");
        return false;
    }

    private static Optional<Entry> nameEntry(Mapping mapping) {
        return mapping.entries().stream().filter(e -> DefinitionKeys.NAME.equals(e.key())
                && e.value() instanceof RawValue.Scalar s && !s.text().isBlank()).findFirst();
    }

    private String shown(Path file) {
        return file.startsWith(appHome) ? appHome.relativize(file).toString().replace('\\', '/') : file.toString();
    }

    private static String lineSuffix(int line) {
        return line > 0 ? " (line " + line + ")" : "";
    }
}
