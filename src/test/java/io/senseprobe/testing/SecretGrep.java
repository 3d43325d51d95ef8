package io.senseprobe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Greps every text a run produced (files the service wrote, captured logs, what receivers got) for every secret
 * value, and fails naming the secret, where it was found and the line. Used by the secrets IT and the fault tests.
 */
public final class SecretGrep {
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();

    /** A secret by what it is (for the failure message). */
    public SecretGrep secret(String what, String value) {
        secrets.put(what, value);
        return this;
    }

    public SecretGrep text(String where, String text) {
        texts.put(where, text);
        return this;
    }

    /** Every regular file under {@code root} that {@code searched} accepts (relative path with /). */
    public SecretGrep files(Path root, Predicate<String> searched) {
        for (String file : filesUnder(root)) {
            if (searched.test(file)) {
                try {
                    texts.put(file, new String(Files.readAllBytes(root.resolve(file)), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + file, e);
                }
            }
        }
        return this;
    }

    public Map<String, String> texts() {
        return texts;
    }

    /** The leaks, one line each; empty when no secret is anywhere. */
    public List<String> leaks() {
        List<String> leaks = new ArrayList<>();
        secrets.forEach((what, secret) -> texts.forEach((where, text) -> {
            if (text.contains(secret)) {
                leaks.add(what + " in " + where + ", e.g.: " + text.lines().filter(l -> l.contains(secret)).findFirst()
                        .map(l -> l.length() > 400 ? l.substring(0, 400) + "..." : l).orElse(""));
            }
        }));
        return leaks;
    }

    /** Fails when any secret is in any text; also when there was nothing to search (a test that cannot fail). */
    public void assertClean(String context) {
        if (secrets.isEmpty() || texts.isEmpty()) {
            throw new AssertionError("nothing to grep: " + secrets.size() + " secret(s), " + texts.size() + " text(s)");
        }
        List<String> leaks = leaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError("secrets found:\n" + String.join("\n", leaks) + "\n" + context);
        }
    }

    /** Every regular file under {@code root} (relative, with /), sorted. */
    public static List<String> filesUnder(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
    }
}
