package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionFixture.described;
import static io.senseprobe.definition.DefinitionFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.logging.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueReferencesTest extends DefinitionTest {
    private static final String API_KEY = "env-apikey-value-7f3e";
    /** JWT-shaped (auth-jwt must look like a JWT), unsigned, unique enough to grep for. */
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmaWxlLXJlZi05MWFiIn0.c2lnLTkxYWI";
    private final Map<String, String> environment = Map.of("SP_TEST_APIKEY", API_KEY, "SP_TEST_HOST", "t.eu.qlikcloud.com",
            "SP_EMPTY", "");

    private LoadResult load(DefinitionLoader loader, String file, String content) throws Exception {
        return loader.load(fixture.write(file, content));
    }

    private DefinitionLoader loader() {
        return new DefinitionLoader(appHome, environment::get);
    }

    private static String cloud(String apikey) {
        return lines("name: tenant", "target: qscloud", "tenant-host: ${env:SP_TEST_HOST}", "apikey: " + apikey);
    }

    @Test
    void envAndFileReferencesAreResolvedAndTheSecretsMasked() throws Exception {
        fixture.write("secrets/jwt.txt", JWT + "\n");
        LoadResult cloud = load(loader(), "connections/cloud.yaml", cloud("${env:SP_TEST_APIKEY}"));
        LoadResult jwt = load(loader(), "connections/jwt.yaml", lines("name: jwt", "target: qseow", "host: sense.example.com",
                "auth-type: jwt", "auth-jwt: \"${file:secrets/jwt.txt}\""));

        assertTrue(cloud.ok(), described(cloud, appHome));
        assertTrue(jwt.ok(), described(jwt, appHome));
        Definition d = cloud.definitions().get(0);
        assertEquals("t.eu.qlikcloud.com", d.host());
        assertEquals(API_KEY, d.apikey().reveal());
        assertEquals(JWT, jwt.definitions().get(0).jwt().reveal(), "the file's trailing line break is not part of the value");
        assertFalse(d.toString().contains(API_KEY));
        assertEquals(Secrets.MASK, String.valueOf(d.apikey()));
        // registered while loading: a log line of the loader or validator never shows them
        assertEquals("k=*** j=***", Secrets.redact("k=" + API_KEY + " j=" + JWT));
    }

    @Test
    void aMissingVariableOrFileIsAProblemNamingFileLineKeyAndFix() throws Exception {
        LoadResult result = load(loader(), "connections/bad.yaml", lines("connections:",
                "  - name: a", "    target: qscloud", "    tenant-host: t.eu.qlikcloud.com", "    apikey: ${env:SP_NOT_SET}",
                "  - name: b", "    target: qscloud", "    tenant-host: t.eu.qlikcloud.com", "    apikey: ${file:secrets/none.txt}",
                "  - name: c", "    target: qscloud", "    tenant-host: ${vault:x}", "    apikey: ${env:SP_EMPTY}"));

        List<String> lines = described(result, appHome).lines().toList();
        assertEquals(List.of(
                "connections/bad.yaml:5: connection \"a\", key \"apikey\": ${env:SP_NOT_SET}: the environment variable SP_NOT_SET is not set. Set SP_NOT_SET in the environment of sense-probe, or write the value into the file.",
                "connections/bad.yaml:9: connection \"b\", key \"apikey\": ${file:secrets/none.txt}: the file " + appHome.resolve("secrets/none.txt")
                        + " does not exist. Create it, or let the user that runs sense-probe read it (relative paths are under the app home).",
                "connections/bad.yaml:12: connection \"c\", key \"tenant-host\": ${vault:x} is not a reference sense-probe knows. Write ${env:NAME} for an environment variable or ${file:PATH} for a file's content.",
                "connections/bad.yaml:13: connection \"c\", key \"apikey\": ${env:SP_EMPTY}: the environment variable SP_EMPTY is empty. Give SP_EMPTY a value."),
                lines);
    }

    @Test
    void inboxFilesMayNotUseReferencesUnlessAllowed() throws Exception {
        LoadResult result = load(loader().forbiddingReferences(), "inbox/x.yaml", cloud("${env:SP_TEST_APIKEY}"));

        assertEquals(List.of("tenant-host", "apikey"), DefinitionFixture.problemKeys(result));
        assertTrue(described(result, appHome).contains("key \"tenant-host\": ${env:SP_TEST_HOST}: references are not allowed here: "
                + "this is an inbox file, and sense.inbox.allow-secret-refs is false"), described(result, appHome));
        assertTrue(described(result, appHome).contains("set sense.inbox.allow-secret-refs=true"), described(result, appHome));
        assertFalse(described(result, appHome).contains("t.eu.qlikcloud.com"), "the environment's value is not read at all");
    }

    @Test
    void filesHoldingSecretsThatOthersCanReadAreNotedOnce() throws Exception {
        Path definition = fixture.write("connections/loose.yaml", lines("connections:",
                "  - name: a", "    target: qscloud", "    tenant-host: t.eu.qlikcloud.com", "    apikey: literal-key-1",
                "  - name: b", "    target: qscloud", "    tenant-host: t.eu.qlikcloud.com", "    apikey: literal-key-2"));
        Path referenced = fixture.write("connections/tight.yaml", cloud("${file:secrets/key.txt}").replace("name: tenant", "name: other"));
        Path secret = fixture.write("secrets/key.txt", "file-key-value\n");
        if (Files.getFileAttributeView(definition, java.nio.file.attribute.PosixFileAttributeView.class) == null) {
            return; // no POSIX permissions here: nothing to say
        }
        Files.setPosixFilePermissions(definition, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(referenced, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r-----"));

        LoadResult result = loader().loadAll(List.of(definition, referenced));

        assertTrue(result.ok(), described(result, appHome));
        List<String> notes = result.notes().stream().map(p -> p.describe(appHome)).toList();
        assertEquals(List.of(
                "connections/loose.yaml:5: connection \"a\", key \"apikey\": this file holds a secret and group or others can read it (rw-r--r--). "
                        + "Make it readable by its owner only (chmod 600), or move the value out of it with ${env:NAME} or ${file:PATH}.",
                "connections/tight.yaml:4: connection \"other\", key \"apikey\": the file " + secret
                        + " holds its secret and group or others can read it (rw-r-----). Make it readable by its owner only (chmod 600)."),
                notes, "one note per file, none for a definition whose secrets are references");

        Files.setPosixFilePermissions(definition, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        assertEquals(List.of(), loader().loadAll(List.of(definition, referenced)).notes());
    }

    @Test
    void aClientKeyThatOthersCanReadIsNoted() throws Exception {
        Path key = appHome.resolve("config/client_key.pem");
        if (Files.getFileAttributeView(key, java.nio.file.attribute.PosixFileAttributeView.class) == null) {
            return;
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw-r--"));
        LoadResult result = load(loader(), "connections/site.yaml", lines("name: site", "target: qseow", "host: sense.example.com",
                "auth-user-dir: INTERNAL", "auth-user-id: sa_api"));

        assertTrue(result.ok(), described(result, appHome));
        assertEquals(1, result.notes().size());
        assertTrue(result.notes().get(0).describe(appHome).contains("key \"auth-cert-key-file\": the client key " + key
                + " can be read by group or others (rw-rw-r--)."), result.notes().get(0).describe(appHome));
    }
}
