package io.senseprobe.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UriPathsTest {
    @Test
    void windowsSeparatorsBecomeSlashesForCamelUris() {
        assertEquals("C:/Program Files/sense-probe/inbox", UriPaths.withSlashes("C:\\Program Files\\sense-probe\\inbox", "\\"));
        assertEquals("//fileserver/share/sense-probe", UriPaths.withSlashes("\\\\fileserver\\share\\sense-probe", "\\"));
    }

    @Test
    void posixPathsStayAsTheyAreAbsoluteAndNormalised() {
        assertEquals("/srv/sense probe/inbox", UriPaths.of(Path.of("/srv/sense probe/out/../inbox")));
        assertEquals(Path.of("").toAbsolutePath().resolve("inbox").toString(), UriPaths.of(Path.of("inbox")));
    }
}
