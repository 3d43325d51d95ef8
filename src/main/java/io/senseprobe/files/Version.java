package io.senseprobe.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The build's version: the jar manifest's Implementation-Version, else the version.properties the build filtered
 * (runs from target/classes), else "dev" (a class path without either, e.g. an IDE that does not filter).
 */
public final class Version {
    private static final String VERSION = read();

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        String manifest = Version.class.getPackage().getImplementationVersion();
        if (manifest != null) {
            return manifest;
        }
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            // fall through: an unreadable resource is no reason to fail a check
        }
        return "dev";
    }
}
