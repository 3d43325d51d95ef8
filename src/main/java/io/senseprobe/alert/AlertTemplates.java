package io.senseprobe.alert;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheResolver;
import io.senseprobe.files.AppResources;
import io.senseprobe.files.BoundedFiles;
import io.senseprobe.result.CheckResult;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The subject and text of every alert, from {@code config/templates/alert-subject.mustache} and
 * {@code alert-text.mustache}: the app home's file when it has one, else the packaged default. Plain text, so
 * nothing is HTML-escaped; the Slack and Teams payloads escape what their formats need.
 *
 * <p>Variables: {@code alert} (failing|reminder|resolved|expiring), the sections {@code failing}, {@code reminder},
 * {@code resolved}, {@code expiring}, {@code hasHint}; {@code connection}, {@code check}, {@code target},
 * {@code host}, {@code port}, {@code authType}, {@code status}, {@code category}, {@code message}, {@code hint}, {@code checkedAt}, {@code since},
 * {@code lastOk} ("never" when none), {@code failingFor} (e.g. 2h, 5m), {@code affected} (the failing connections
 * that depend on this one, comma-separated) and the section {@code hasAffected}.
 *
 * <p>A grouped message (several connections within {@code sense.alert.group-wait}) comes from
 * {@code alert-group-subject.mustache} and {@code alert-group-text.mustache}: {@code alert} and its section as
 * above, {@code count} (all connections), {@code alerts} (the first {@code sense.alert.group-max}, sorted, each with
 * the variables of a single message), {@code hasMore} and {@code more} (how many are not listed), {@code groupWait}.
 */
public record AlertTemplates(Mustache subject, Mustache text, Mustache groupSubject, Mustache groupText) {
    private static final String TEMPLATES = "config/templates/";
    public static final String SUBJECT = TEMPLATES + "alert-subject.mustache";
    public static final String TEXT = TEMPLATES + "alert-text.mustache";
    /** The packaged templates are under 1 KiB; a larger file is a wrong one (a log, an image) copied there. */
    static final int LARGEST_TEMPLATE = 256 * 1024;
    public static final String GROUP_SUBJECT = TEMPLATES + "alert-group-subject.mustache";
    public static final String GROUP_TEXT = TEMPLATES + "alert-group-text.mustache";

    public static AlertTemplates load(Path appHome) {
        DefaultMustacheFactory factory = new PlainTextMustacheFactory(partials(appHome));
        return new AlertTemplates(compile(factory, appHome, SUBJECT), compile(factory, appHome, TEXT),
                compile(factory, appHome, GROUP_SUBJECT), compile(factory, appHome, GROUP_TEXT));
    }

    /**
     * Subject and text of a message listing {@code entries} (sorted, each one connection's message of {@code kind}):
     * the first {@code max} with their details, then how many more there are.
     */
    public Rendered renderGroup(AlertKind kind, List<AlertMessage> entries, int max, Duration groupWait, Instant now) {
        Map<String, Object> scope = kindScope(kind);
        scope.put("count", entries.size());
        List<Map<String, Object>> listed = new ArrayList<>();
        for (AlertMessage m : entries.subList(0, Math.min(max, entries.size()))) {
            Map<String, Object> entry = scope(m.kind(), m.result(), m.since(), m.lastOk(), now);
            putAffected(entry, m.affected());
            listed.add(entry);
        }
        scope.put("alerts", listed);
        scope.put("more", entries.size() - listed.size());
        scope.put("hasMore", entries.size() > listed.size());
        scope.put("groupWait", AlertStateMachine.human(groupWait));
        String subjectLine = run(groupSubject, scope).replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        if (subjectLine.isEmpty()) {
            subjectLine = "[sense-probe] " + entries.size() + " connections " + kind.id();
        }
        return new Rendered(subjectLine, run(groupText, scope).strip());
    }

    private static Map<String, Object> kindScope(AlertKind kind) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("alert", kind.id());
        scope.put("failing", kind == AlertKind.FAILING);
        scope.put("reminder", kind == AlertKind.REMINDER);
        scope.put("resolved", kind == AlertKind.RESOLVED);
        scope.put("expiring", kind == AlertKind.EXPIRING);
        return scope;
    }

    /** Subject (one line) and text of a message; {@code lastOk} null means no successful check was seen. */
    public Rendered render(AlertKind kind, CheckResult r, String since, String lastOk, Instant now) {
        return render(kind, r, since, lastOk, now, List.of());
    }

    /** As above, with the failing connections that depend on this one ({@code affected}, {@code hasAffected}). */
    public Rendered render(AlertKind kind, CheckResult r, String since, String lastOk, Instant now,
            List<String> affected) {
        Map<String, Object> scope = scope(kind, r, since, lastOk, now);
        putAffected(scope, affected);
        String subjectLine = run(subject, scope).replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        if (subjectLine.isEmpty()) {
            // a template of the app home written before this kind existed has no section for it
            subjectLine = "[sense-probe] " + kind.id().toUpperCase(Locale.ROOT) + " " + r.connection();
        }
        return new Rendered(subjectLine, run(text, scope).strip());
    }

    private static void putAffected(Map<String, Object> scope, List<String> affected) {
        scope.put("affected", String.join(", ", affected));
        scope.put("hasAffected", !affected.isEmpty());
    }

    /** The variables of one connection's message. */
    private static Map<String, Object> scope(AlertKind kind, CheckResult r, String since, String lastOk, Instant now) {
        Map<String, Object> scope = kindScope(kind);
        scope.put("connection", r.connection());
        scope.put("check", r.check());
        scope.put("target", r.target());
        scope.put("host", r.host());
        scope.put("port", r.port());
        scope.put("authType", r.authType());
        scope.put("status", r.status() == null ? "" : r.status().json());
        scope.put("category", r.category() == null ? "" : r.category().id());
        scope.put("message", r.message());
        scope.put("hint", r.hint() == null ? "" : r.hint());
        scope.put("hasHint", r.hint() != null && !r.hint().isBlank());
        scope.put("checkedAt", r.checkedAt());
        scope.put("since", since == null ? "" : since);
        scope.put("lastOk", lastOk == null ? "never" : lastOk);
        scope.put("failingFor", since == null ? "" : AlertStateMachine.human(roundToSeconds(
                Duration.between(Instant.parse(since), now))));
        return scope;
    }

    public record Rendered(String subject, String text) {
    }

    private static Duration roundToSeconds(Duration d) {
        return d.isNegative() ? Duration.ZERO : Duration.ofSeconds(d.toSeconds());
    }

    private static String run(Mustache template, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    private static Mustache compile(DefaultMustacheFactory factory, Path appHome, String relative) {
        String location = AppResources.location(appHome, relative);
        return factory.compile(new StringReader(read(location)), location);
    }

    private static String read(String location) {
        try (InputStream in = AppResources.open(location)) {
            return new String(BoundedFiles.read(in, LARGEST_TEMPLATE, location), StandardCharsets.UTF_8);
        } catch (BoundedFiles.TooLargeException e) {
            throw new UncheckedIOException("The alert template " + location + " is larger than " + BoundedFiles.size(LARGEST_TEMPLATE)
                    + "; an alert's subject or text is a few lines. Shorten it, or delete it to use the packaged one.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the alert template " + location, e);
        }
    }

    /**
     * Partials ({@code {{> name}}}) come from the templates folder only, by file name (the app home's copy, else a
     * packaged one), read with the templates' limit: mustache.java's own resolver would open any path, unbounded.
     */
    private static MustacheResolver partials(Path appHome) {
        return name -> {
            Path file = Path.of(name).getFileName();
            if (file == null) {
                return null;
            }
            String location = AppResources.location(appHome, TEMPLATES + file);
            if (location.startsWith("classpath:") && AlertTemplates.class.getClassLoader()
                    .getResource(TEMPLATES + file) == null) {
                throw new UncheckedIOException(new FileNotFoundException("The alert template partial {{> "
                        + file.toString().replaceFirst("\\.mustache$", "") + "}} is not in " + appHome.resolve(TEMPLATES)
                        + "; partials are read from that folder only."));
            }
            return new StringReader(read(location));
        };
    }

    /** Mustache escapes HTML by default; an e-mail or chat text must keep "<" and "&" as written. */
    private static final class PlainTextMustacheFactory extends DefaultMustacheFactory {
        PlainTextMustacheFactory(MustacheResolver resolver) {
            super(resolver);
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
