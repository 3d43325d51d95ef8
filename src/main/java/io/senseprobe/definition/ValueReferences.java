package io.senseprobe.definition;

import io.senseprobe.files.BoundedFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${env:NAME}} and {@code ${file:PATH}} as a whole value: the loader replaces them with the environment
 * variable's value or the file's content (without its trailing line breaks), so secrets can live outside the
 * definition file. Problems name the reference, never the value. {@code forbiddenBecause} non-null: references are
 * not allowed here (inbox files: whoever writes there must not read the service's environment), and says why.
 */
record ValueReferences(Function<String, String> environment, Path fileBase, String forbiddenBecause,
        AllowedFolders allowedFolders) {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z]*):(.*)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A secret is a line or a PEM block, not a file of megabytes: anything larger is a wrong path. */
    static final int LARGEST_FILE = 64 * 1024;

    /** Where a resolved value came from: a reference (and for files the file), or written as it is. */
    record Resolved(String value, boolean reference, Path file) {
    }

    static ValueReferences allowed(Function<String, String> environment, Path fileBase) {
        return new ValueReferences(environment, fileBase, null, AllowedFolders.ANYWHERE);
    }

    ValueReferences forbidden(String because) {
        return new ValueReferences(environment, fileBase, because, allowedFolders);
    }

    /** References to files only under {@code folders}. */
    ValueReferences confinedTo(AllowedFolders folders) {
        return new ValueReferences(environment, fileBase, forbiddenBecause, folders);
    }

    /** The same rules, relative files resolving against {@code base}. */
    ValueReferences basedAt(Path base) {
        return new ValueReferences(environment, base, forbiddenBecause, allowedFolders);
    }

    static boolean looksLikeReference(String text) {
        return text.trim().startsWith("${") && text.trim().endsWith("}");
    }

    /** The value, resolved when it is a reference; null after recording a problem through {@code values}. */
    Resolved resolve(ConnectionValues values, String key, String text) {
        if (!looksLikeReference(text)) {
            return new Resolved(text, false, null);
        }
        String ref = text.trim();
        Matcher m = REFERENCE.matcher(ref);
        String kind = m.matches() ? m.group(1) : "";
        if (!kind.equals("env") && !kind.equals("file")) {
            values.problem(key, ref + " is not a reference sense-probe knows.",
                    "Write ${env:NAME} for an environment variable or ${file:PATH} for a file's content.");
            return null;
        }
        if (forbiddenBecause != null) {
            values.problem(key, ref + ": references are not allowed here: " + forbiddenBecause + ".",
                    "Write the value itself, or, if only trusted users can write to the inbox, set sense.inbox.allow-secret-refs=true.");
            return null;
        }
        if (DefinitionKeys.NAME.equals(key)) {
            values.problem(key, "a connection's name cannot be a reference.", "Write the name itself.");
            return null;
        }
        String target = m.group(2).trim();
        return kind.equals("env") ? fromEnvironment(values, key, ref, target) : fromFile(values, key, ref, target);
    }

    private Resolved fromEnvironment(ConnectionValues values, String key, String ref, String name) {
        if (!ENV_NAME.matcher(name).matches()) {
            values.problem(key, ref + ": \"" + name + "\" is not an environment variable name.",
                    "Write ${env:NAME} with letters, digits and '_', e.g. ${env:QLIK_API_KEY}.");
            return null;
        }
        String value = environment.apply(name);
        if (value == null) {
            values.problem(key, ref + ": the environment variable " + name + " is not set.",
                    "Set " + name + " in the environment of sense-probe, or write the value into the file.");
            return null;
        }
        if (value.isEmpty()) {
            values.problem(key, ref + ": the environment variable " + name + " is empty.", "Give " + name + " a value.");
            return null;
        }
        return new Resolved(value, true, null);
    }

    private Resolved fromFile(ConnectionValues values, String key, String ref, String pathText) {
        Path file;
        try {
            file = fileBase.resolve(pathText).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            values.problem(key, ref + ": \"" + pathText + "\" is not a valid path.", "Write ${file:PATH} with the path of the file.");
            return null;
        }
        if (pathText.isEmpty()) {
            values.problem(key, ref + ": no path given.", "Write ${file:PATH} with the path of the file (relative paths are under the app home).");
            return null;
        }
        if (!allowedFolders.allows(values, key, file, ref + ": the file ")) {
            return null;
        }
        String fix = "Create it, or let the user that runs sense-probe read it (relative paths are under the app home).";
        try {
            if (Files.isDirectory(file)) {
                values.problem(key, ref + ": " + file + " is a folder, not a file holding one value.", "Point ${file:...} at the file that holds the value.");
                return null;
            }
            // a device or a pipe (/dev/zero, /dev/stdin, a FIFO) could block or never end, and opening some has effects
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                values.problem(key, ref + ": " + file + " is a device or a pipe, not a file holding one value.", "Point ${file:...} at the file that holds the value.");
                return null;
            }
            String content = withoutTrailingLineBreaks(BoundedFiles.readString(file, LARGEST_FILE, StandardCharsets.UTF_8));
            if (content.isEmpty()) {
                values.problem(key, ref + ": the file " + file + " is empty.", "Write the value into it.");
                return null;
            }
            return new Resolved(content, true, file);
        } catch (BoundedFiles.TooLargeException e) {
            values.problem(key, ref + ": " + file + " is larger than " + BoundedFiles.size(LARGEST_FILE) + ", not a file holding one value.",
                    "Point ${file:...} at the file that holds the value.");
        } catch (NoSuchFileException e) {
            values.problem(key, ref + ": the file " + file + " does not exist.", fix);
        } catch (CharacterCodingException e) {
            values.problem(key, ref + ": the file " + file + " is not UTF-8 text.", "Save it as UTF-8.");
        } catch (IOException e) {
            values.problem(key, ref + ": the file " + file + " cannot be read (" + e.getClass().getSimpleName() + ").", fix);
        }
        return null;
    }

    // not replaceFirst("[\\r\\n]+$"): that regex is quadratic in a run of line breaks not at the end
    private static String withoutTrailingLineBreaks(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
