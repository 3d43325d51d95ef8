package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionFixture.described;
import static io.senseprobe.definition.DefinitionFixture.lines;
import static io.senseprobe.definition.DefinitionFixture.problemKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths with drive letters and backslashes in definition files, as Windows admins write them. Nothing here runs on
 * Windows: these show that the loader hands the text to java.nio unchanged (where Windows' own Path parser makes
 * {@code C:\...} absolute, so it wins over the app home, as an absolute path does here) — no splitting on '/', no
 * escapes eaten.
 */
class WindowsPathsTest {
    private static final String WINDOWS_PATH = "C:\\qlik\\certs\\client.pem";
    private static final String CONNECTION = lines("name: site", "target: qseow", "host: h", "auth-user-dir: D",
            "auth-user-id: U");

    @TempDir
    Path appHome;
    @TempDir
    Path elsewhere;

    @Test
    void aBackslashPathReachesThePathParserVerbatimPlainOrSingleQuoted() throws Exception {
        DefinitionFixture fixture = new DefinitionFixture(appHome).withSiteCerts();
        for (String value : List.of(WINDOWS_PATH, "'" + WINDOWS_PATH + "'")) {
            LoadResult result = fixture.load("site.yaml", CONNECTION + "auth-cert-file: " + value + "\n");
            assertEquals(List.of("auth-cert-file"), problemKeys(result), described(result, appHome));
            // on Linux the name is one odd relative file name; the message shows it exactly as written
            assertTrue(result.problems().get(0).message().contains(WINDOWS_PATH), result.problems().get(0).message());
        }
    }

    @Test
    void doubleQuotesTurnBackslashesIntoEscapesAndTheProblemSaysWhere() throws Exception {
        DefinitionFixture fixture = new DefinitionFixture(appHome).withSiteCerts();
        LoadResult result = fixture.load("site.yaml", CONNECTION + "auth-cert-file: \"" + WINDOWS_PATH + "\"\n");
        String text = described(result, appHome);
        // \q is no YAML escape: the file cannot be read as written, and the problem names the line
        assertTrue(text.contains("site.yaml:6: YAML syntax error") && text.contains("unknown escape character"), text);
    }

    @Test
    void anAbsolutePathWinsOverTheAppHome() throws Exception {
        DefinitionFixture fixture = new DefinitionFixture(appHome).withSiteCerts();
        TestPem.writeSiteFiles(elsewhere.resolve("qlik certs"), null);
        Path cert = elsewhere.resolve("qlik certs/client.pem");

        LoadResult result = fixture.load("site.yaml", CONNECTION + "auth-cert-file: " + cert + "\n");

        assertEquals(List.of(), problemKeys(result), described(result, appHome));
    }
}
