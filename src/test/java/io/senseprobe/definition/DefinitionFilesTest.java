package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionFixture.described;
import static io.senseprobe.definition.DefinitionFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionFilesTest extends DefinitionTest {
    private static List<String> names(LoadResult result) {
        return result.definitions().stream().map(Definition::name).toList();
    }

    @Test
    void yamlListOfConnections() throws Exception {
        LoadResult result = fixture.load("connections/all.yml", lines(
                "connections:",
                "  - name: site",
                "    target: qseow",
                "    host: sense.example.com",
                "    auth-user-dir: INTERNAL",
                "    auth-user-id: sa_api",
                "  - name: tenant",
                "    target: qscloud",
                "    tenant-host: t.eu.qlikcloud.com",
                "    apikey: k"));

        assertTrue(result.ok(), described(result, appHome));
        assertEquals(List.of("site", "tenant"), names(result));
    }

    @Test
    void jsonWithOneDefinition() throws Exception {
        LoadResult result = fixture.load("connections/one.json",
                "{\n\t\"name\": \"tenant\",\n\t\"target\": \"qscloud\",\n\t\"tenant-host\": \"https:\\/\\/t.eu.qlikcloud.com\\/\",\n"
                        + "\t\"apikey\": \"k\\\\\\/\u00e9\",\n\t\"secure\": true,\n\t\"timeout\": 2.5,\n\t\"checks\": [\"tenant\"]\n}\n");

        assertTrue(result.ok(), described(result, appHome));
        Definition d = result.definitions().get(0);
        assertEquals("t.eu.qlikcloud.com", d.host());
        assertEquals(java.time.Duration.ofMillis(2500), d.timeout());
        assertEquals(List.of("tenant"), d.overrides().checks());
        assertEquals("k\\/\u00e9", d.apikey().reveal());
    }

    @Test
    void jsonSyntaxErrorNamesTheLine() throws Exception {
        LoadResult result = fixture.load("connections/bad.json", "{\n  \"name\": \"a\",\n  \"target\": \"qscloud\"\n  \"apikey\": \"k\"\n}\n");

        assertTrue(described(result, appHome).startsWith("connections/bad.json:4: YAML syntax error"), described(result, appHome));
        assertTrue(described(result, appHome).endsWith("Fix the JSON syntax (quotes, commas, brackets)."), described(result, appHome));
    }

    @Test
    void jsonWithSeveralDefinitionsAndTheirProblems() throws Exception {
        LoadResult result = fixture.load("connections/many.json", """
                {"connections": [
                  {"name": "site", "target": "qseow", "host": "h", "auth-user-dir": "D", "auth-user-id": 1001, "port": "4243"},
                  {"name": "tenant", "target": "qscloud", "tenant-host": "t", "apikey": "k"},
                  {"name": "broken", "target": "qscloud", "tenant-host": "t", "apikey": "k", "apikey": "k2"}
                ]}
                """);

        assertEquals(List.of("site", "tenant"), names(result));
        assertEquals(1, result.problems().size(), described(result, appHome));
        assertTrue(described(result, appHome).startsWith("connections/many.json:4: connection \"broken\", key \"apikey\": duplicate key"),
                described(result, appHome));
    }

    @Test
    void duplicateNamesInOneFile() throws Exception {
        LoadResult result = fixture.load("connections/dup.yaml", lines(
                "connections:",
                "  - {name: tenant, target: qscloud, tenant-host: a, apikey: k}",
                "  - {name: Tenant, target: qscloud, tenant-host: b, apikey: k}"));

        assertEquals(List.of("tenant"), names(result));
        assertEquals("a", result.definitions().get(0).host());
        assertEquals("connections/dup.yaml:3: connection \"Tenant\", key \"name\": the name \"Tenant\" is already used on line 2 of this file"
                + " (as \"tenant\"; names are compared ignoring case). Give each connection its own name.", described(result, appHome));
    }

    @Test
    void duplicateNamesAcrossFilesBelongToTheLaterFile() throws Exception {
        Path b = fixture.write("connections/b.yaml", lines("name: tenant", "target: qscloud", "tenant-host: b", "apikey: k"));
        Path a = fixture.write("connections/a.yaml", lines("name: tenant", "target: qscloud", "tenant-host: a", "apikey: k"));

        LoadResult result = fixture.loader.loadAll(List.of(b, a));

        assertEquals(1, result.definitions().size());
        assertEquals("a", result.definitions().get(0).host());
        assertEquals(b, result.problems().get(0).file());
        assertEquals("connections/b.yaml:1: connection \"tenant\", key \"name\": the name \"tenant\" is already used in connections/a.yaml (line 1)."
                + " Give each connection its own name.", described(result, appHome));
    }

    @Test
    void problemsOfOneFileDoNotStopTheOthers() throws Exception {
        fixture.write("connections/good.yaml", lines("name: good", "target: qscloud", "tenant-host: t", "apikey: k"));
        fixture.write("connections/bad.yaml", lines("name: bad", "target: qscloud"));
        fixture.write("connections/.hidden.yaml", "not: [valid");
        fixture.write("connections/notes.txt", "ignored");

        LoadResult result = fixture.loader.loadDirectory(appHome.resolve("connections"));

        assertEquals(List.of("good"), names(result));
        assertEquals(2, result.problems().size(), described(result, appHome));
        assertFalse(result.ok());
    }

    @Test
    void definitionFilesAreRecognisedByExtension() {
        assertTrue(DefinitionLoader.isDefinitionFile(Path.of("connections/a.yaml")));
        assertTrue(DefinitionLoader.isDefinitionFile(Path.of("a.YML")));
        assertTrue(DefinitionLoader.isDefinitionFile(Path.of("a.json")));
        assertFalse(DefinitionLoader.isDefinitionFile(Path.of(".a.yaml")));
        assertFalse(DefinitionLoader.isDefinitionFile(Path.of("a.yaml.bak")));
        assertFalse(DefinitionLoader.isDefinitionFile(Path.of(".gitkeep")));
    }
}
