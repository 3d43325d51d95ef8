package io.senseprobe.service;

import io.senseprobe.definition.DefinitionLoader;
import java.nio.file.Path;
import java.util.Locale;

/** Which inbox files are definitions to check, and why the others are left alone. */
final class InboxFileRules {
    private InboxFileRules() {
    }

    /** A file that only keeps the folder in git: left alone without a word. */
    static boolean isPlaceholder(Path file) {
        String name = file.getFileName().toString();
        return name.equals(".gitkeep") || name.equals(".keep");
    }

    /** Null for a definition file, else the reason it stays where it is (for the log). */
    static String whyIgnored(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return "a dot-file";
        }
        if (lower.endsWith(".tmp") || lower.endsWith(".part") || name.endsWith("~")) {
            return "a file still being written or a backup (.tmp, .part, ~)";
        }
        if (!DefinitionLoader.isDefinitionFile(file)) {
            return "not a definition file (.yaml, .yml or .json)";
        }
        return null;
    }
}
