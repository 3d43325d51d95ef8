package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionFixture.described;
import static io.senseprobe.definition.DefinitionFixture.lines;
import static io.senseprobe.definition.DefinitionFixture.problemKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.result.Category;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertFileProblemsTest {
    @TempDir
    Path appHome;

    private static final String CERT_CONNECTION = lines("name: site", "target: qseow", "host: h", "auth-user-dir: D", "auth-user-id: U");

    @Test
    void missingDefaultCertFilesNameTheFileAndTheFix() throws Exception {
        DefinitionFixture fixture = new DefinitionFixture(appHome);

        LoadResult result = fixture.load("site.yaml", CERT_CONNECTION);

        assertEquals(List.of("auth-cert-file", "auth-cert-key-file", "auth-root-cert-file"), problemKeys(result), described(result, appHome));
        assertTrue(result.problems().stream().allMatch(p -> p.category() == Category.CERT_FILE));
        String text = described(result, appHome);
        assertTrue(text.contains("client certificate file " + appHome.resolve("config/client.pem") + " does not exist."), text);
        assertTrue(text.contains("Without \"auth-cert-file\" the file config/client.pem under the app home is used."), text);
    }

    @Test
    void givenCertFileThatIsNotPem() throws Exception {
        DefinitionFixture fixture = new DefinitionFixture(appHome).withSiteCerts();
        fixture.write("certs/client.pem", "not a certificate\n");

        LoadResult result = fixture.load("site.yaml", CERT_CONNECTION + "auth-cert-file: certs/client.pem\n");

        assertEquals(List.of("auth-cert-file"), problemKeys(result));
        assertEquals(Category.CERT_FILE, result.problems().get(0).category());
        assertTrue(result.problems().get(0).message().contains("holds no PEM CERTIFICATE"), result.problems().get(0).message());
    }

    @Test
    void encryptedKeyNeedsTheRightPassphrase() throws Exception {
        DefinitionFixture fixture = new DefinitionFixture(appHome);
        TestPem.writeSiteFiles(appHome.resolve("config"), "s3cret-pass");

        LoadResult none = fixture.load("a.yaml", CERT_CONNECTION);
        LoadResult wrong = fixture.load("b.yaml", CERT_CONNECTION + "auth-cert-key-passphrase: not-it\n");
        LoadResult right = fixture.load("c.yaml", CERT_CONNECTION + "auth-cert-key-passphrase: s3cret-pass\n");

        assertEquals(List.of("auth-cert-key-passphrase"), problemKeys(none), described(none, appHome));
        assertEquals(Category.KEY_PASSPHRASE, none.problems().get(0).category());
        assertTrue(none.problems().get(0).message().contains("is encrypted and no passphrase was given"));
        assertEquals(List.of("auth-cert-key-passphrase"), problemKeys(wrong), described(wrong, appHome));
        assertEquals(Category.KEY_PASSPHRASE, wrong.problems().get(0).category());
        assertTrue(!described(wrong, appHome).contains("not-it"));
        assertTrue(right.ok(), described(right, appHome));
        assertEquals("s3cret-pass", right.definitions().get(0).keyPassphrase().reveal());
    }

    @Test
    void relativePathsInFilesResolveAgainstTheAppHome() throws Exception {
        DefinitionFixture fixture = new DefinitionFixture(appHome);
        TestPem.writeSiteFiles(appHome.resolve("certs/site1"), null);

        LoadResult result = fixture.load("connections/site1.yaml", CERT_CONNECTION + lines(
                "auth-cert-file: certs/site1/client.pem",
                "auth-cert-key-file: ./certs/site1/client_key.pem",
                "auth-root-cert-file: certs/../certs/site1/root.pem"));

        assertTrue(result.ok(), described(result, appHome));
        Definition d = result.definitions().get(0);
        assertEquals(appHome.resolve("certs/site1/client.pem"), d.certFile());
        assertEquals(appHome.resolve("certs/site1/client_key.pem"), d.keyFile());
        assertEquals(appHome.resolve("certs/site1/root.pem"), d.rootCertFile());
    }

    @Test
    void cliValuesResolveAgainstTheGivenBaseButDefaultsAgainstTheAppHome(@TempDir Path currentDir) throws Exception {
        TestPem.writeSiteFiles(appHome.resolve("config"), null);
        TestPem.writeSiteFiles(currentDir.resolve("mine"), null);
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("name", "cli");
        values.put("target", "qseow");
        values.put("host", "sense.example.com");
        values.put("port", 4243);
        values.put("secure", Boolean.FALSE);
        values.put("auth-user-dir", "INTERNAL");
        values.put("auth-user-id", 1001);
        values.put("auth-cert-file", "mine/client.pem");

        LoadResult result = new DefinitionLoader(appHome).fromValues(values, "command line", currentDir);

        assertTrue(result.ok(), described(result, appHome));
        Definition d = result.definitions().get(0);
        assertEquals(currentDir.resolve("mine/client.pem"), d.certFile());
        assertEquals(appHome.resolve("config/client_key.pem"), d.keyFile());
        assertEquals(4243, d.port());
        assertEquals(false, d.secure());
        assertEquals("1001", d.userId());
        assertEquals(null, d.source());
    }

    @Test
    void cliProblemsNameTheLabel(@TempDir Path currentDir) throws Exception {
        Files.createDirectories(appHome);
        LoadResult result = new DefinitionLoader(appHome).fromValues(
                java.util.Map.of("name", "cli", "target", "qscloud", "tenant-host", "t", "apikey", "SECRET-KEY", "auth-cert-fil", "x"),
                "command line", currentDir);

        assertEquals(1, result.problems().size());
        assertEquals("command line: connection \"cli\", key \"auth-cert-fil\": unknown key. Did you mean \"auth-cert-file\"?",
                result.problems().get(0).describe());
    }
}
