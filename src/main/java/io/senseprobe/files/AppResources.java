package io.senseprobe.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a route, configuration or template file comes from: the app home's copy replaces the packaged one of the
 * same name (never both are loaded), and a missing folder falls back to the packaged file.
 */
public final class AppResources {
    private static final String FILE = "file:";
    private static final String CLASSPATH = "classpath:";

    private AppResources() {
    }

    /** A Camel resource location: {@code file:<abs>} when the app home has it, else {@code classpath:<relative>}. */
    public static String location(Path appHome, String relative) {
        Path local = appHome.resolve(relative);
        return Files.isRegularFile(local) ? FILE + UriPaths.of(local) : CLASSPATH + relative;
    }

    /** Opens a location made by {@link #location}. */
    public static InputStream open(String location) throws IOException {
        if (location.startsWith(FILE)) {
            return Files.newInputStream(Path.of(location.substring(FILE.length())));
        }
        String resource = location.substring(CLASSPATH.length());
        InputStream packaged = AppResources.class.getClassLoader().getResourceAsStream(resource);
        if (packaged == null) {
            throw new IOException("The packaged " + resource + " is missing from the jar");
        }
        return packaged;
    }
}
