package io.senseprobe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Folders tests break on purpose. */
public final class TestFolders {
    private TestFolders() {
    }

    /**
     * Puts a file where the folder is (its files deleted first), so nothing can be written into it: tests run as
     * root, and chmod would not stop a write.
     */
    public static void replaceWithFile(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(folder);
        }
        Files.writeString(folder, "not a folder");
    }
}
