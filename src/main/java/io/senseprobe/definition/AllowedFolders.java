package io.senseprobe.definition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The folders whose files a definition may make the service read (the inbox's {@code sense.inbox.allowed-paths}):
 * whoever can drop a file into the inbox must not be able to probe every file the service can read. A file counts
 * as inside by its real path (symbolic links and {@code ..} resolved, the folders' too), so a link inside an allowed
 * folder that leads outside is refused. {@link #ANYWHERE}: no rule (the user's own connections and the command line).
 */
public final class AllowedFolders {
    public static final AllowedFolders ANYWHERE = new AllowedFolders(null, null);

    private final List<Path> folders;
    private final String setting;

    private AllowedFolders(List<Path> folders, String setting) {
        this.folders = folders;
        this.setting = setting;
    }

    /** Only files under {@code folders} (absolute); {@code setting} is the key a refusal tells the user to change. */
    public static AllowedFolders only(List<Path> folders, String setting) {
        return new AllowedFolders(folders.stream().map(f -> f.toAbsolutePath().normalize()).toList(), setting);
    }

    public List<Path> folders() {
        return folders == null ? List.of() : folders;
    }

    /**
     * Empty when {@code file} (absolute, normalized: the path that will be read) may be read; else records a problem
     * for {@code key} naming the path and the fix, and says no. Checked before the file is opened, so a refusal
     * never tells whether a file outside exists.
     */
    boolean allows(ConnectionValues values, String key, Path file, String what) {
        if (folders == null) {
            return true;
        }
        Path real = realPath(file);
        if (folders.stream().map(AllowedFolders::realPath).anyMatch(real::startsWith)) {
            return true;
        }
        boolean lexicallyInside = folders.stream().anyMatch(file::startsWith);
        values.problem(key, what + file + (lexicallyInside ? " leads through a symbolic link to" : " is")
                + " outside the folders an inbox definition may read (" + shown() + ").",
                "Put the file under one of them, or, if whoever can write to the inbox may make sense-probe read it, add its folder to "
                        + setting + ".");
        return false;
    }

    private String shown() {
        return folders.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    /** The real path of the longest existing part of {@code file}, with the rest appended as written. */
    static Path realPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException | SecurityException e) {
            return absolute;
        }
    }
}
