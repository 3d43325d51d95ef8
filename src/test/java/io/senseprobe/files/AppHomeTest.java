package io.senseprobe.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar sense-probe.jar} without the launcher (Windows) finds its home from the jar's location alone. */
class AppHomeTest {
    @TempDir
    Path dir;

    @Test
    void aBuildsJarOrClassesLiveUnderTargetAndTheHomeIsAboveIt() throws Exception {
        Path home = dir.resolve("sense-probe");
        Path classes = Files.createDirectories(home.resolve("target/classes"));
        Path jar = Files.writeString(home.resolve("target/sense-probe.jar"), "");
        assertEquals(home, AppHome.ofCodeLocation(classes));
        assertEquals(home, AppHome.ofCodeLocation(jar));
    }

    @Test
    void aJarCopiedAnywhereElseHasItsOwnFolderAsHome() throws Exception {
        Path installed = Files.createDirectories(dir.resolve("Program Files/sense-probe"));
        Path jar = Files.writeString(installed.resolve("sense-probe.jar"), "");
        assertEquals(installed, AppHome.ofCodeLocation(jar));
    }

    @Test
    void theCodeSourceUriIsDecodedNotReadAsText() throws Exception {
        // what the class loader hands over for C:\Program Files\sense-probe\sense-probe.jar, in this OS's form
        Path installed = Files.createDirectories(dir.resolve("Program Files/sense-probe"));
        Path jar = Files.writeString(installed.resolve("sense-probe.jar"), "");
        URI location = jar.toUri();
        assertEquals(true, location.toString().contains("Program%20Files"), location.toString());
        assertEquals(installed, AppHome.ofCodeLocation(Paths.get(location)));
    }
}
