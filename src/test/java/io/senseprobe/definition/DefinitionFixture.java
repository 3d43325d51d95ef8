package io.senseprobe.definition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** An app home in a temp folder with definition files written into it. */
final class DefinitionFixture {
    final Path appHome;
    final DefinitionLoader loader;

    DefinitionFixture(Path appHome) {
        this.appHome = appHome;
        this.loader = new DefinitionLoader(appHome);
    }

    /** The QMC export under config/, where the defaults look for it. */
    DefinitionFixture withSiteCerts() throws Exception {
        TestPem.writeSiteFiles(appHome.resolve("config"), null);
        return this;
    }

    Path write(String relativePath, String content) throws IOException {
        Path file = appHome.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    LoadResult load(String relativePath, String content) throws IOException {
        return loader.load(write(relativePath, content));
    }

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static String described(LoadResult result, Path base) {
        return result.problems().stream().map(p -> p.describe(base)).collect(Collectors.joining("\n"));
    }

    static List<String> problemKeys(LoadResult result) {
        return result.problems().stream().map(Problem::key).toList();
    }
}
