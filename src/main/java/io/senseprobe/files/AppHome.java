package io.senseprobe.files;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The folder that holds config/, routes/, connections/, inbox/ and out/.
 * SENSE_PROBE_HOME, else -Dsense.probe.home, else the folder above the jar's target/ (else the jar's folder).
 * Never the current directory: a launcher started from anywhere finds the same files.
 */
public final class AppHome {
    public static final String ENV = "SENSE_PROBE_HOME";
    public static final String PROPERTY = "sense.probe.home";

    private AppHome() {
    }

    public static Path resolve() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Paths.get(env).toAbsolutePath().normalize();
        }
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        return besideJar();
    }

    private static Path besideJar() {
        try {
            // a URI, not URL.getPath(): "C:/Program%20Files/..." must become C:\Program Files\... on Windows
            return ofCodeLocation(Paths.get(AppHome.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            return Paths.get("").toAbsolutePath();
        }
    }

    /**
     * The home for the jar (or classes folder) at {@code location}: above its {@code target/} (a build: target/classes
     * in tests and the IDE, target/sense-probe.jar), else the folder the jar sits in ({@code java -jar
     * C:\sense-probe\sense-probe.jar} on Windows, without the launcher).
     */
    static Path ofCodeLocation(Path location) {
        Path folder = Files.isDirectory(location) ? location : location.toAbsolutePath().getParent();
        for (Path p = folder; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("target") && p.getParent() != null) {
                return p.getParent();
            }
        }
        return folder;
    }
}
