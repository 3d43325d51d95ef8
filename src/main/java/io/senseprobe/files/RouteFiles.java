package io.senseprobe.files;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a route or configuration file comes from: the app home's copy replaces the packaged one of the same
 * name (never both are loaded), and a missing folder falls back to the packaged file.
 */
public final class RouteFiles {
    private RouteFiles() {
    }

    /** A Camel resource location: {@code file:<abs>} when the app home has it, else {@code classpath:<relative>}. */
    public static String location(Path appHome, String relative) {
        Path local = appHome.resolve(relative);
        return Files.isRegularFile(local) ? "file:" + local.toAbsolutePath() : "classpath:" + relative;
    }
}
