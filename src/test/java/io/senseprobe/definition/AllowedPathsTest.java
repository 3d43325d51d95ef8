package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionFixture.described;
import static io.senseprobe.definition.DefinitionFixture.lines;
import static io.senseprobe.definition.DefinitionFixture.problemKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loader confined to allowed folders (the inbox's sense.inbox.allowed-paths) reads only files whose real path lies
 * under one of them: absolute paths outside, {@code ..} and symbolic links out are refused, each with a problem
 * naming the definition file, the key, the path and the setting to change; nothing outside is opened.
 */
class AllowedPathsTest {
    private static final String SETTING = "sense.inbox.allowed-paths";
    private static final String CERT_CONNECTION = lines("name: site", "target: qseow", "host: h", "auth-user-dir: D", "auth-user-id: U");

    @TempDir
    Path root;
    Path appHome;
    Path outside;
    DefinitionFixture fixture;
    DefinitionLoader confined;

    @BeforeEach
    void files() throws Exception {
        appHome = Files.createDirectories(root.resolve("home"));
        outside = root.resolve("elsewhere");
        TestPem.writeSiteFiles(appHome.resolve("certs"), null);
        TestPem.writeSiteFiles(outside, null);
        fixture = new DefinitionFixture(appHome);
        confined = fixture.loader.confinedTo(AllowedFolders.only(List.of(appHome), SETTING));
    }

    @Test
    void filesInsideTheAllowedFoldersAreRead() throws Exception {
        LoadResult result = load(certs("certs/client.pem", "certs/client_key.pem", appHome.resolve("certs/root.pem").toString()));

        assertTrue(result.ok(), described(result, appHome));
        assertEquals(appHome.resolve("certs/client.pem"), result.definitions().get(0).certFile());
    }

    @Test
    void anAbsolutePathOutsideIsRefusedNamingFileKeyPathAndFix() throws Exception {
        Path stranger = outside.resolve("client.pem");
        LoadResult result = load(certs(stranger.toString(), "certs/client_key.pem", "certs/root.pem"));

        assertEquals(List.of("auth-cert-file"), problemKeys(result), described(result, appHome));
        String problem = result.problems().get(0).describe(appHome);
        assertTrue(problem.startsWith("inbox/drop.yaml:"), problem);
        assertContains(problem, "key \"auth-cert-file\"", stranger.toString(), "outside the folders an inbox definition may read",
                appHome.toString(), "add its folder to " + SETTING);
        assertTrue(result.definitions().isEmpty(), "the connection is not checked");
    }

    @Test
    void dotDotOutOfTheAppHomeIsRefused() throws Exception {
        LoadResult result = load(certs("certs/../../elsewhere/client.pem", "../elsewhere/client_key.pem", "certs/root.pem"));

        assertEquals(List.of("auth-cert-file", "auth-cert-key-file"), problemKeys(result), described(result, appHome));
        assertContains(described(result, appHome), outside.resolve("client.pem").toString(), outside.resolve("client_key.pem").toString());
    }

    @Test
    void aSymbolicLinkInsideThatLeadsOutsideIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(appHome.resolve("certs/innocent.pem"), outside.resolve("root.pem"));
        LoadResult result = load(certs("certs/client.pem", "certs/client_key.pem", link.toString()));

        assertEquals(List.of("auth-root-cert-file"), problemKeys(result), described(result, appHome));
        assertContains(described(result, appHome), link.toString(), "leads through a symbolic link");
        assertFalse(described(result, appHome).contains(outside.toString()), "the link's target is not shown");
    }

    @Test
    void aLinkedFolderInsideThatLeadsOutsideIsRefusedToo() throws Exception {
        Files.createSymbolicLink(appHome.resolve("shared"), outside);
        LoadResult result = load(certs("shared/client.pem", "certs/client_key.pem", "certs/root.pem"));

        assertEquals(List.of("auth-cert-file"), problemKeys(result), described(result, appHome));
    }

    @Test
    void anAllowedFolderReachedThroughALinkIsStillAllowed() throws Exception {
        Path linkedHome = Files.createSymbolicLink(root.resolve("home-link"), appHome);
        DefinitionLoader viaLink = fixture.loader.confinedTo(AllowedFolders.only(List.of(linkedHome), SETTING));

        LoadResult result = viaLink.load(fixture.write("inbox/drop.yaml", certs("certs/client.pem", "certs/client_key.pem", "certs/root.pem")));

        assertTrue(result.ok(), described(result, appHome));
    }

    @Test
    void aMissingFileOutsideIsRefusedAsOutsideWithoutSayingWhetherItExists() throws Exception {
        Path absent = outside.resolve("no-such/client.pem");
        LoadResult result = load(certs(absent.toString(), "certs/client_key.pem", "certs/root.pem"));

        String problem = described(result, appHome);
        assertContains(problem, absent.toString(), "outside the folders");
        assertFalse(problem.contains("does not exist"), problem);
    }

    @Test
    void moreAllowedFoldersCanBeGiven() throws Exception {
        DefinitionLoader both = fixture.loader.confinedTo(AllowedFolders.only(List.of(appHome, outside), SETTING));

        LoadResult result = both.load(fixture.write("inbox/drop.yaml", certs(outside.resolve("client.pem").toString(),
                "certs/client_key.pem", "certs/root.pem")));

        assertTrue(result.ok(), described(result, appHome));
    }

    @Test
    void aFileReferenceOutsideIsRefusedBeforeItIsRead() throws Exception {
        Files.writeString(outside.resolve("passphrase.txt"), "not-for-you\n");
        Files.writeString(appHome.resolve("certs/passphrase.txt"), "fine\n");
        LoadResult refused = load(certs("certs/client.pem", "certs/client_key.pem", "certs/root.pem")
                + "auth-cert-key-passphrase: ${file:" + outside.resolve("passphrase.txt") + "}\n");
        LoadResult read = load(certs("certs/client.pem", "certs/client_key.pem", "certs/root.pem")
                + "auth-cert-key-passphrase: ${file:certs/passphrase.txt}\n");

        assertEquals(List.of("auth-cert-key-passphrase"), problemKeys(refused), described(refused, appHome));
        assertContains(described(refused, appHome), "${file:", outside.resolve("passphrase.txt").toString(), SETTING);
        assertFalse(described(refused, appHome).contains("not-for-you"));
        assertTrue(read.ok(), described(read, appHome));
    }

    /** The user's own connections folder and the command line: the user chose the files, no folder rule. */
    @Test
    void anUnconfinedLoaderReadsFilesAnywhere() throws Exception {
        LoadResult result = fixture.loader.load(fixture.write("connections/mine.yaml",
                certs(outside.resolve("client.pem").toString(), "certs/client_key.pem", "certs/root.pem")));

        assertTrue(result.ok(), described(result, appHome));
    }

    private LoadResult load(String content) throws Exception {
        return confined.load(fixture.write("inbox/drop.yaml", content));
    }

    private static String certs(String cert, String key, String root) {
        return CERT_CONNECTION + lines("auth-cert-file: " + cert, "auth-cert-key-file: " + key, "auth-root-cert-file: " + root);
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected \"" + part + "\" in: " + text);
        }
    }
}
