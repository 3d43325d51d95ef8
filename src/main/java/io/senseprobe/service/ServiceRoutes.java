package io.senseprobe.service;

import io.senseprobe.files.AppResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The route files the service loads, as one explicit list for Camel: every packaged {@code routes/*.camel.yaml},
 * each replaced by the app home's file of the same name when there is one, plus the app home's extra route files.
 * Handing Camel a classpath and a file pattern that both match would load a route twice.
 */
public final class ServiceRoutes {
    static final String FOLDER = "routes";
    static final String SUFFIX = ".camel.yaml";

    private ServiceRoutes() {
    }

    /** Camel resource locations ({@code file:} or {@code classpath:}), sorted by file name. */
    public static List<String> locations(Path appHome) {
        TreeSet<String> names = new TreeSet<>(packagedNames());
        names.addAll(localNames(appHome.resolve(FOLDER)));
        List<String> locations = new ArrayList<>();
        for (String name : names) {
            locations.add(AppResources.location(appHome, FOLDER + "/" + name));
        }
        return locations;
    }

    static List<String> localNames(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(ServiceRoutes::isRouteFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    /** The names under {@code routes/} on the class path: a folder in tests and the IDE, a jar entry when packaged. */
    static List<String> packagedNames() {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = ServiceRoutes.class.getClassLoader().getResources(FOLDER);
            for (URL root : Collections.list(roots)) {
                names.addAll(namesUnder(root.toURI()));
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot list the packaged routes", e);
        }
        return List.copyOf(names);
    }

    private static List<String> namesUnder(URI root) throws IOException {
        if ("jar".equals(root.getScheme())) {
            FileSystem jar;
            boolean opened = false;
            try {
                jar = FileSystems.getFileSystem(root);
            } catch (FileSystemNotFoundException e) {
                jar = FileSystems.newFileSystem(root, Map.of());
                opened = true;
            }
            try {
                return localNames(jar.provider().getPath(root));
            } finally {
                if (opened) {
                    jar.close();
                }
            }
        }
        return "file".equals(root.getScheme()) ? localNames(Path.of(root)) : List.of();
    }

    private static boolean isRouteFile(String name) {
        return !name.startsWith(".") && name.endsWith(SUFFIX);
    }
}
