package io.senseprobe.service;

import io.senseprobe.definition.DefinitionLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A cheap look at the connections folder (names, sizes, times) so a tick reloads only after something changed. */
record ConnectionFiles(Map<Path, String> stamps) {

    static ConnectionFiles scan(Path folder) {
        Map<Path, String> stamps = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(DefinitionLoader::isDefinitionFile).toList()) {
                try {
                    if (Files.isRegularFile(file)) {
                        stamps.put(file.toAbsolutePath().normalize(),
                                Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis());
                    }
                } catch (IOException e) {
                    // deleted while we looked: it is simply not there
                }
            }
        } catch (NoSuchFileException e) {
            return new ConnectionFiles(Map.of());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot list " + folder, e);
        }
        return new ConnectionFiles(stamps);
    }
}
