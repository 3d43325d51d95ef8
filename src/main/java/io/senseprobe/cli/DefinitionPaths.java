package io.senseprobe.cli;

import io.senseprobe.definition.DefinitionLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The PATH arguments of check and validate: files as given, folders as the definition files directly inside. */
final class DefinitionPaths {
    private DefinitionPaths() {
    }

    /** A missing path is a usage error; a file without a definition extension is read as YAML, and that is said. */
    static List<Path> files(List<Path> paths, PrintStream human, CommandSpec spec) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            Path p = path.toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                try (Stream<Path> inside = Files.list(p)) {
                    inside.filter(Files::isRegularFile).filter(DefinitionLoader::isDefinitionFile).sorted().forEach(files::add);
                }
            } else if (!Files.exists(p)) {
                throw new ParameterException(spec.commandLine(), "No such file or folder: " + path);
            } else {
                if (!DefinitionLoader.isDefinitionFile(p)) {
                    human.println("Note: " + path + " does not end in .yaml, .yml or .json; reading it as YAML.");
                }
                files.add(p);
            }
        }
        return files;
    }
}
