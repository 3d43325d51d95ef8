package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionFixture.described;
import static io.senseprobe.definition.DefinitionFixture.lines;
import static io.senseprobe.definition.DefinitionFixture.problemKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.result.Category;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionProblemsTest extends DefinitionTest {
    @Test
    void typosInKeysGetTheRightSuggestion() throws Exception {
        LoadResult result = fixture.load("connections/prod.yaml", lines(
                "name: central",
                "target: qseow",
                "host: sense.example.com",
                "auth-user-dir: INTERNAL",
                "auth-user-id: sa_api",
                "auth-cert-keyfile: config/client_key.pem",
                "auth-cert-fil: config/client.pem",
                "authtype: cert"));

        String text = described(result, appHome);
        assertTrue(text.contains("connections/prod.yaml:6: connection \"central\", key \"auth-cert-keyfile\": unknown key. Did you mean \"auth-cert-key-file\"?"), text);
        assertTrue(text.contains("key \"auth-cert-fil\": unknown key. Did you mean \"auth-cert-file\"?"), text);
        assertTrue(text.contains("key \"authtype\": unknown key. Did you mean \"auth-type\"?"), text);
        assertEquals(3, result.problems().size(), text);
        assertTrue(result.definitions().isEmpty());
    }

    @Test
    void typosInValuesGetTheRightSuggestion() throws Exception {
        LoadResult badAuth = fixture.load("a.yaml", lines("name: a", "target: qseow", "host: h", "auth-type: certt"));
        LoadResult badTarget = fixture.load("b.yaml", lines("name: b", "target: qsewo", "host: h"));

        assertTrue(described(badAuth, appHome).contains("key \"auth-type\": unknown value \"certt\". Did you mean \"cert\"? Use cert or jwt."),
                described(badAuth, appHome));
        assertTrue(described(badTarget, appHome).contains("key \"target\": unknown value \"qsewo\". Did you mean \"qseow\"?"),
                described(badTarget, appHome));
    }

    @Test
    void aFileWithSeveralProblemsReportsAllOfThem() throws Exception {
        LoadResult result = fixture.load("many.yaml", lines(
                "name: bad name",
                "target: qseow",
                "host: sense.example.com",
                "port: 70000",
                "timeout: soon",
                "secure: maybe",
                "auth-user-dir: INTERNAL",
                "apikey: k",
                "colour: blue"));

        assertEquals(List.of("name", "auth-user-id", "port", "timeout", "secure", "apikey", "colour"), problemKeys(result),
                described(result, appHome));
        assertTrue(result.problems().stream().allMatch(p -> p.category() == Category.INVALID_DEFINITION));
        // an invalid name is not used to label the problems: the connection is still found by its text
        assertEquals("bad name", result.problems().get(0).connection());
        assertFalse(result.ok());
    }

    @Test
    void keysOfAnotherTargetOrAuthTypeSayWhereTheyBelong() throws Exception {
        LoadResult result = fixture.load("mixed.yaml", lines(
                "name: mixed",
                "target: qseow",
                "host: sense.example.com",
                "auth-user-dir: INTERNAL",
                "auth-user-id: sa_api",
                "tenant-host: t.eu.qlikcloud.com",
                "apikey: abc",
                "auth-jwt: eyJ"));

        String text = described(result, appHome);
        assertTrue(text.contains("key \"tenant-host\": belongs to qscloud connections, but this one has target qseow."), text);
        assertTrue(text.contains("key \"apikey\": belongs to qscloud connections"), text);
        assertTrue(text.contains("key \"auth-jwt\": belongs to auth-type jwt, but this connection uses auth-type cert."), text);
        assertEquals(3, result.problems().size(), text);
    }

    @Test
    void qseowAuthTypeOnCloudIsNamedAsSuch() throws Exception {
        LoadResult result = fixture.load("c.yaml", lines("name: c", "target: qscloud", "tenant-host: t.eu.qlikcloud.com",
                "apikey: k", "auth-type: cert", "auth-user-dir: INTERNAL"));

        String text = described(result, appHome);
        assertTrue(text.contains("key \"auth-type\": \"cert\" is not for qscloud connections."), text);
        assertTrue(text.contains("key \"auth-user-dir\": belongs to qseow connections"), text);
    }

    @Test
    void duplicateKeysAreAllReportedWithTheirLines() throws Exception {
        LoadResult result = fixture.load("dup.yaml", lines(
                "name: dup",
                "target: qseow",
                "host: a.example.com",
                "auth-user-dir: INTERNAL",
                "host: b.example.com",
                "auth-user-id: sa_api",
                "auth-user-dir: OTHER"));

        String text = described(result, appHome);
        assertTrue(text.contains("dup.yaml:5: connection \"dup\", key \"host\": duplicate key on line 5 (first on line 3)."), text);
        assertTrue(text.contains("dup.yaml:7: connection \"dup\", key \"auth-user-dir\": duplicate key on line 7 (first on line 4)."), text);
        assertEquals(2, result.problems().size(), text);
    }

    @Test
    void missingKeysForTargetAndAuthType() throws Exception {
        LoadResult cert = fixture.load("cert.yaml", lines("name: a", "target: qseow"));
        LoadResult jwt = fixture.load("jwt.yaml", lines("name: b", "target: qseow", "host: h", "auth-type: jwt"));
        LoadResult cloud = fixture.load("cloud.yaml", lines("name: c", "target: qscloud"));
        LoadResult none = fixture.load("none.yaml", lines("host: h"));

        assertEquals(List.of("host", "auth-user-dir", "auth-user-id"), problemKeys(cert));
        assertEquals(List.of("auth-jwt"), problemKeys(jwt));
        assertEquals(List.of("tenant-host", "apikey"), problemKeys(cloud));
        assertEquals(List.of("name", "target"), problemKeys(none));
        assertEquals("#1", none.problems().get(0).connection());
        assertTrue(none.problems().get(0).describe().contains("connection #1, key \"name\": missing; it is required for every connection."),
                none.problems().get(0).describe());
    }

    @Test
    void reservedKeysAreTypeChecked() throws Exception {
        LoadResult good = fixture.load("good.yaml", lines("name: g", "target: qscloud", "tenant-host: t.eu.qlikcloud.com", "apikey: k",
                "interval: 1m", "failure-threshold: 3", "success-threshold: '2'", "reminder-interval: 0", "rate-limit: 500ms",
                "checks: [users-me, tenant]", "proxy-url: http://proxy:3128"));
        LoadResult bad = fixture.load("bad.yaml", lines("name: b", "target: qscloud", "tenant-host: t.eu.qlikcloud.com", "apikey: k",
                "interval: 0", "failure-threshold: 0", "success-threshold: two", "reminder-interval: -1s", "rate-limit: [1s]",
                "checks: about", "engine-port: 0", "proxy-port: 4243.5", "proxy-url: [x]"));

        assertTrue(good.ok(), described(good, appHome));
        Definition.Overrides r = good.definitions().get(0).overrides();
        assertEquals(new Definition.Overrides(Duration.ofMinutes(1), 3, 2, Duration.ZERO, Duration.ofMillis(500),
                List.of("users-me", "tenant"), null, null, "http://proxy:3128", null), r);
        assertEquals(List.of("interval", "failure-threshold", "success-threshold", "reminder-interval", "rate-limit", "checks",
                "engine-port", "proxy-port", "proxy-url"), problemKeys(bad), described(bad, appHome));
    }

    @Test
    void anyScalarIsTextWhereTextIsExpected() throws Exception {
        LoadResult result = fixture.load("n.yaml", lines("name: 2024", "target: qseow", "host: sense.example.com",
                "auth-user-dir: INTERNAL", "auth-user-id: 1001"));

        assertTrue(result.ok(), described(result, appHome));
        assertEquals("1001", result.definitions().get(0).userId());
        assertEquals("2024", result.definitions().get(0).name());
    }

    @Test
    void badNameGetsAUsableSuggestion() throws Exception {
        LoadResult result = fixture.load("n.yaml", lines("name: prod central", "target: qscloud", "tenant-host: t", "apikey: k"));

        assertTrue(described(result, appHome).contains("Rename it, e.g. \"prod-central\"."), described(result, appHome));
    }

    @Test
    void secretsAreNeverEchoed() throws Exception {
        TestPem.writeSiteFiles(appHome.resolve("enc"), "right-passphrase");
        LoadResult qseow = fixture.load("s1.yaml", lines(
                "name: s1",
                "target: qseow",
                "host: sense.example.com",
                "auth-user-dir: INTERNAL",
                "auth-user-id: sa_api",
                "auth-cert-key-file: enc/client_key.pem",
                "auth-cert-key-passphrase: SECRET-PASSPHRASE",
                "auth-jwt: SECRET-JWT",
                "apikey: SECRET-APIKEY-1"));
        LoadResult cloud = fixture.load("s2.yaml", lines(
                "connections:",
                "  - name: s2",
                "    target: qscloud",
                "    tenant-host: t.eu.qlikcloud.com",
                "    apikey: [SECRET-APIKEY-2]",
                "  - name: s3",
                "    target: qseow",
                "    host: h",
                "    auth-type: jwt",
                "    auth-jwt: {token: SECRET-JWT-2}",
                "  - name: s4",
                "    target: qseow",
                "    host: h",
                "    auth-type: jwt",
                "    auth-jwt: SECRET-JWT-3",
                "    auth-jwt: SECRET-JWT-4"));
        LoadResult broken = fixture.load("s3.yaml", lines("name: s5", "apikey: \"SECRET-UNCLOSED"));

        for (LoadResult result : List.of(qseow, cloud, broken)) {
            assertFalse(result.ok());
            for (Problem p : result.problems()) {
                String text = p.describe() + p.message() + p.fix();
                assertFalse(text.contains("SECRET"), text);
            }
        }
        assertEquals(3, qseow.problems().size(), described(qseow, appHome));
        assertTrue(described(qseow, appHome).contains("key \"auth-cert-key-passphrase\": the passphrase does not decrypt"));
        // s4's first token is also "not a JWT": a problem of its own, that names the key and never the value
        assertEquals(4, cloud.problems().size(), described(cloud, appHome));
    }

    @Test
    void fileLevelProblems() throws Exception {
        LoadResult empty = fixture.load("empty.yaml", "# nothing here\n");
        LoadResult list = fixture.load("list.yaml", lines("- name: a"));
        LoadResult syntax = fixture.load("syntax.yaml", lines("name: a", "target: qseow", "  host: [h"));
        LoadResult notList = fixture.load("notlist.yaml", lines("connections:", "  name: a"));
        LoadResult extra = fixture.load("extra.yaml", lines("connections:", "  - name: a", "    target: qscloud",
                "    tenant-host: t", "    apikey: k", "  - just text", "timeout: 5s"));

        assertTrue(described(empty, appHome).contains("empty.yaml: the file is empty."), described(empty, appHome));
        assertTrue(described(list, appHome).contains("list.yaml:1: the file holds a list, not a mapping."), described(list, appHome));
        assertTrue(described(syntax, appHome).startsWith("syntax.yaml:3: YAML syntax error at column"), described(syntax, appHome));
        assertTrue(described(notList, appHome).contains("key \"connections\": must be a list of connections, but is a mapping."),
                described(notList, appHome));
        assertEquals(2, extra.problems().size(), described(extra, appHome));
        assertTrue(described(extra, appHome).contains("extra.yaml:6: connection #2: is a single value, not a mapping"), described(extra, appHome));
        assertTrue(described(extra, appHome).contains("extra.yaml:7: key \"timeout\": a file with \"connections:\" holds nothing else."),
                described(extra, appHome));
        assertEquals(1, extra.definitions().size());
    }
}
