package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionKeys.*;

import io.senseprobe.definition.RawValue.Mapping;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Validates one connection mapping into a {@link Definition}, recording every problem on the way. */
record ConnectionValidator(Path appHome, Path pathBase, ValueReferences references, Set<String> alertDestinations) {
    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9._-]+");

    /** Without the configured alert destinations: {@code alert-to} ids are not checked against them. */
    ConnectionValidator(Path appHome, Path pathBase, ValueReferences references) {
        this(appHome, pathBase, references, null);
    }

    /** What every target has, read before the target-specific keys. */
    record Common(String name, boolean secure, Duration timeout, Definition.Overrides overrides, Path source) {
    }

    /** The definition, or empty when the connection has any problem (all of them are in {@code problems}). */
    Optional<Definition> validate(Mapping mapping, int index, ProblemSink problems, Path source) {
        int before = problems.count();
        ConnectionValues values = new ConnectionValues(mapping, ConnectionValues.labelOf(mapping, index), problems, references);
        String name = name(values);
        Optional<Target> target = target(values);
        Optional<AuthType> authType = target.flatMap(t -> authType(values, t));
        checkKeysBelong(values, target, authType);
        Common common = new Common(name, values.bool(SECURE).orElse(true),
                values.duration(TIMEOUT, false).orElse(Definition.DEFAULT_TIMEOUT),
                overrides(values, target.orElse(null), authType.orElse(null), alertDestinations), source);
        CertFiles certFiles = new CertFiles(appHome, pathBase, values, references.allowedFolders());
        Definition definition = null;
        // a bad auth-type still lets the target's other keys be checked
        if (target.isPresent()) {
            definition = target.get() == Target.QSEOW
                    ? QseowRules.definition(values, authType.orElse(null), common, certFiles)
                    : CloudRules.definition(values, common, certFiles);
        }
        noteLooseFiles(values, definition, problems, source);
        return problems.count() == before ? Optional.ofNullable(definition) : Optional.empty();
    }

    private static final String CHMOD = "Make it readable by its owner only (chmod 600)";

    /** Files holding this connection's secrets that group or others can read: a note each, the connection goes on. */
    private static void noteLooseFiles(ConnectionValues values, Definition definition, ProblemSink problems, Path source) {
        if (source != null && !values.literalSecrets().isEmpty()) {
            String key = values.literalSecrets().iterator().next();
            LooseFiles.looseMode(source).ifPresent(mode -> problems.note(source, mode, values.line(key), values.connection(), key,
                    "this file holds a secret and group or others can read it (" + mode + ").",
                    CHMOD + ", or move the value out of it with ${env:NAME} or ${file:PATH}."));
        }
        values.secretFiles().forEach((key, file) -> LooseFiles.looseMode(file).ifPresent(mode -> problems.note(file, mode,
                values.line(key), values.connection(), key, "the file " + file + " holds its secret and group or others can read it (" + mode + ").",
                CHMOD + ".")));
        if (definition != null && definition.keyFile() != null) {
            Path keyFile = definition.keyFile();
            LooseFiles.looseMode(keyFile).ifPresent(mode -> problems.note(keyFile, mode, values.line(AUTH_CERT_KEY_FILE), values.connection(),
                    AUTH_CERT_KEY_FILE, "the client key " + keyFile + " can be read by group or others (" + mode + ").", CHMOD + "."));
        }
    }

    private static String name(ConnectionValues values) {
        Optional<String> name = values.required(NAME, "every connection");
        if (name.isPresent() && !NAME_PATTERN.matcher(name.get()).matches()) {
            String suggestion = name.get().replaceAll("[^A-Za-z0-9._-]+", "-");
            values.problem(NAME, "\"" + name.get() + "\" is not a valid name: only letters, digits, '.', '_' and '-' are allowed.",
                    "Rename it, e.g. \"" + suggestion + "\".");
            return null;
        }
        return name.orElse(null);
    }

    private static Optional<Target> target(ConnectionValues values) {
        Optional<String> text = values.required(TARGET, "every connection");
        List<String> ids = Arrays.stream(Target.values()).map(Target::id).toList();
        return text.flatMap(t -> enumValue(values, TARGET, t, ids)).map(id -> Target.valueOf(id.toUpperCase(Locale.ROOT)));
    }

    private static Optional<AuthType> authType(ConnectionValues values, Target target) {
        AuthType defaultType = target == Target.QSEOW ? AuthType.CERT : AuthType.APIKEY;
        Optional<String> text = values.text(AUTH_TYPE);
        if (!values.has(AUTH_TYPE)) {
            return Optional.of(defaultType);
        }
        List<String> allowed = target == Target.QSEOW ? List.of("cert", "jwt") : List.of("apikey");
        String t = text.map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse(null);
        if (t != null && !allowed.contains(t) && Arrays.stream(AuthType.values()).anyMatch(a -> a.id().equals(t))) {
            values.problem(AUTH_TYPE, "\"" + t + "\" is not for " + target.id() + " connections.",
                    "Use " + String.join(" or ", allowed) + ", or set \"target\" to the target it is for.");
            return Optional.empty();
        }
        return text.flatMap(s -> enumValue(values, AUTH_TYPE, s, allowed)).map(id -> AuthType.valueOf(id.toUpperCase(Locale.ROOT)));
    }

    private static Optional<String> enumValue(ConnectionValues values, String key, String text, List<String> allowed) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (allowed.contains(t)) {
            return Optional.of(t);
        }
        String suggestion = Suggestions.didYouMean(t, allowed);
        values.problem(key, "unknown value \"" + text + "\".",
                (suggestion.isEmpty() ? "" : suggestion + " ") + "Use " + String.join(" or ", allowed) + ".");
        return Optional.empty();
    }

    /** Unknown keys (with a suggestion), and keys of another target or auth type (saying which). */
    private static void checkKeysBelong(ConnectionValues values, Optional<Target> target, Optional<AuthType> authType) {
        for (String key : values.keys()) {
            if (!DefinitionKeys.isKnown(key)) {
                String suggestion = Suggestions.didYouMean(key, DefinitionKeys.all());
                values.problem(key, "unknown key.", suggestion.isEmpty()
                        ? "Check the spelling: keys are Ctrl-Q's option names without the leading \"--\"." : suggestion);
                continue;
            }
            Optional<Target> keyTarget = DefinitionKeys.targetOf(key);
            if (target.isPresent() && keyTarget.isPresent() && keyTarget.get() != target.get()) {
                values.problem(key, "belongs to " + keyTarget.get().id() + " connections, but this one has target " + target.get().id() + ".",
                        "Remove it, or set \"target: " + keyTarget.get().id() + "\" if that is what you meant.");
                continue;
            }
            Optional<AuthType> keyAuth = DefinitionKeys.authTypeOf(key);
            if (authType.isPresent() && keyAuth.isPresent() && keyAuth.get() != authType.get()) {
                values.problem(key, "belongs to auth-type " + keyAuth.get().id() + ", but this connection uses auth-type " + authType.get().id() + ".",
                        "Remove it, or set \"auth-type: " + keyAuth.get().id() + "\" if that is what you meant.");
            }
        }
    }

    /** Kept as {@code http://host:port}; the check's HTTP client tunnels through it (see ProxyRoutes). */
    private static String proxyUrl(ConnectionValues values, String text) {
        try {
            return ProxyAddress.parse(text).toString();
        } catch (InvalidValueException e) {
            values.problem(PROXY_URL, e.getMessage(), e.fix());
            return null;
        }
    }

    /**
     * {@code alert-to}: the ids of configured alert destinations ({@code []}: none). An id that is not configured is
     * a problem of the file, so its connection does not silently alert nowhere; unchecked when the ids are unknown.
     */
    private static List<String> alertTo(ConnectionValues values, Set<String> known) {
        Optional<List<String>> ids = values.has(ALERT_TO) ? values.texts(ALERT_TO) : Optional.empty();
        if (ids.isEmpty() || known == null) {
            return ids.orElse(null);
        }
        for (String id : ids.get()) {
            if (!known.contains(id)) {
                String suggestion = Suggestions.didYouMean(id, known);
                values.problem(ALERT_TO, "no alert destination \"" + id + "\" is configured"
                        + (known.isEmpty() ? " (none is)." : "; the configured ones are " + String.join(", ", new TreeSet<>(known)) + "."),
                        (suggestion.isEmpty() ? "" : suggestion + " ") + "Name a configured one, or define it in config/application.properties"
                        + " (sense.alert.destinations." + id + ".type and its keys, see the README's Alerts section).");
                return null;
            }
        }
        return ids.get();
    }

    private static Definition.Overrides overrides(ConnectionValues values, Target target, AuthType authType,
            Set<String> alertDestinations) {
        Integer enginePort = values.port(ENGINE_PORT).orElse(null);
        Integer proxyPort = values.port(PROXY_PORT).orElse(null);
        List<String> checks = CheckNames.validate(values, values.texts(CHECKS).orElse(null), target, authType);
        CheckNames.portFits(values, ENGINE_PORT, enginePort, target, authType);
        CheckNames.portFits(values, PROXY_PORT, proxyPort, target, authType);
        return new Definition.Overrides(
                values.duration(INTERVAL, false).orElse(null),
                values.atLeastOne(FAILURE_THRESHOLD).orElse(null),
                values.atLeastOne(SUCCESS_THRESHOLD).orElse(null),
                values.duration(REMINDER_INTERVAL, true).orElse(null),
                values.duration(RATE_LIMIT, true).orElse(null),
                checks,
                enginePort,
                proxyPort,
                values.text(PROXY_URL).map(text -> proxyUrl(values, text)).orElse(null),
                alertTo(values, alertDestinations),
                MaintenanceRules.windows(values),
                dependsOn(values));
    }

    /** A connection name; whether it exists and forms no cycle is checked across all files (DefinitionLoader). */
    private static String dependsOn(ConnectionValues values) {
        String parent = values.text(DEPENDS_ON).map(String::trim).orElse(null);
        if (parent != null && !NAME_PATTERN.matcher(parent).matches()) {
            values.problem(DEPENDS_ON, "\"" + parent + "\" is not a connection name.",
                    "Give the name of the connection this one depends on (letters, digits, '.', '_' and '-').");
            return null;
        }
        if (parent != null && parent.equalsIgnoreCase(values.connection())) {
            values.problem(DEPENDS_ON, "a connection cannot depend on itself.", "Name another connection, or remove depends-on.");
            return null;
        }
        return parent;
    }
}
