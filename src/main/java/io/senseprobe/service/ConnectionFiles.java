package io.senseprobe.service;

import io.senseprobe.definition.DefinitionLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A cheap look at the connections folder (names, sizes, times) so a tick reloads only after something changed,
 * and only once nothing is being written: {@code newest} is the latest modification time among the files.
 */
record ConnectionFiles(Map<Path, String> stamps, long newestMillis) {

    /**
     * True while a file changed within {@code settle}: a file copied or saved in pieces is read once complete, so a
     * half-written file never counts as broken (and never raises an alert).
     */
    boolean beingWritten(Duration settle) {
        // file times come from the file system's clock: compared with that clock, never an injected one
        return System.currentTimeMillis() - newestMillis < settle.toMillis();
    }

    static ConnectionFiles scan(Path folder) {
        Map<Path, String> stamps = new TreeMap<>();
        long newest = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(DefinitionLoader::isDefinitionFile).toList()) {
                try {
                    if (Files.isRegularFile(file)) {
                        long modified = Files.getLastModifiedTime(file).toMillis();
                        stamps.put(file.toAbsolutePath().normalize(), Files.size(file) + "@" + modified);
                        newest = Math.max(newest, modified);
                    }
                } catch (IOException e) {
                    // deleted while we looked: it is simply not there
                }
            }
        } catch (NoSuchFileException e) {
            return new ConnectionFiles(Map.of(), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot list " + folder, e);
        }
        return new ConnectionFiles(stamps, newest);
    }
}
