package io.senseprobe.files;

/** The version from the jar manifest (development builds say "dev"). */
public final class Version {
    private Version() {
    }

    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
