package io.senseprobe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The packaged jar knows its build's version (the manifest's Implementation-Version), not "dev". */
class VersionIT {
    @Test
    void versionIsTheBuilds() throws Exception {
        Matcher project = Pattern.compile("<artifactId>sense-probe</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        project.find();

        Launcher.Run run = Launcher.args("--version").run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals("sense-probe " + project.group(1), run.out().trim(), run::describe);
    }
}
