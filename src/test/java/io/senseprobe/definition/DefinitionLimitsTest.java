package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionFixture.described;
import static io.senseprobe.definition.DefinitionFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Definition files no one should write, and hostile ones: each is read within its limits, or is one problem naming
 * the file, the limit and the fix, and the loader goes on with the other files.
 */
class DefinitionLimitsTest extends DefinitionTest {
    private static final String CLOUD = "name: c\ntarget: qscloud\ntenant-host: t.eu.qlikcloud.com\napikey: k\n";

    private LoadResult load(String name, byte[] content) throws Exception {
        Path file = appHome.resolve("connections").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return fixture.loader.load(file);
    }

    private static void assertOneProblem(LoadResult result, String start, Path appHome) {
        assertEquals(1, result.problems().size(), described(result, appHome));
        assertTrue(described(result, appHome).startsWith(start), described(result, appHome));
        assertEquals(List.of(), result.definitions());
    }

    @Test
    void aFileOverOneMebibyteIsOneProblemAndAFileOfOneMebibyteIsRead() throws Exception {
        byte[] padded = (CLOUD + "#" + "x".repeat(1024 * 1024 - CLOUD.length() - 2) + "\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(1024 * 1024, padded.length);
        LoadResult exactly = load("big.yaml", padded);
        assertTrue(exactly.ok(), described(exactly, appHome));

        byte[] over = (CLOUD + "#" + "x".repeat(1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
        assertOneProblem(load("big.yaml", over), "connections/big.yaml: the file is larger than 1 MiB", appHome);
        assertTrue(described(load("big.yaml", over), appHome).endsWith("Split the connections over several files of the folder, or point at the definition file itself."));
    }

    @Test
    void aBinaryFileIsOneProblemNotAParseError() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        assertOneProblem(load("image.yaml", png), "connections/image.yaml: the file is binary, not YAML or JSON text (a zero byte at offset 8).", appHome);
        byte[] latin1 = "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertOneProblem(load("latin1.yaml", latin1), "connections/latin1.yaml: the file is not UTF-8 text. Save it as UTF-8.", appHome);
        byte[] control = "name: a\u0001b\n".getBytes(StandardCharsets.UTF_8);
        assertOneProblem(load("control.json", control), "connections/control.json: the file cannot be parsed as YAML or JSON.", appHome);
    }

    @Test
    void billionLaughsStopsAtTheValueLimit() throws Exception {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append('a').append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        assertOneProblem(load("bomb.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8)),
                "connections/bomb.yaml:1: the file expands to more than 500,000 values (aliases of aliases?). "
                        + "Write the values out instead of aliases (*name) of lists, or split the file.", appHome);
    }

    @Test
    void aFileOfAliasesStopsAtTheAliasLimit() throws Exception {
        String yaml = "a: &a [x]\nb: [" + "*a, ".repeat(100_000) + "*a]\n";
        assertOneProblem(load("aliases.yaml", yaml.getBytes(StandardCharsets.UTF_8)),
                "connections/aliases.yaml: the file uses more than 100,000 aliases (*name) of lists or mappings", appHome);
    }

    @Test
    void aliasesSharedByManyConnectionsAreFine() throws Exception {
        StringBuilder yaml = new StringBuilder("connections:\n");
        for (int i = 0; i < 500; i++) {
            yaml.append("  - {name: c").append(i).append(", target: qseow, host: h, auth-user-dir: D, auth-user-id: u, checks: ")
                    .append(i == 0 ? "&checks [qrs-about, services]" : "*checks").append("}\n");
        }
        LoadResult result = load("shared.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(result.ok(), described(result, appHome));
        assertEquals(List.of("qrs-about", "services"), result.definitions().get(499).overrides().checks());
    }

    @Test
    void aBombWithinTheAliasLimitStopsAtTheValueLimit() throws Exception {
        // 36 aliases, far below the alias limit, and 3^12 = 531,441 values once expanded
        StringBuilder yaml = new StringBuilder("connections:\n  - name: bomb\n    target: qscloud\n    l0: &l0 [x, x, x]\n");
        for (int i = 1; i <= 12; i++) {
            yaml.append("    l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1)
                    .append(", *l").append(i - 1).append("]\n");
        }
        LoadResult result = load("bomb.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
        assertOneProblem(result, "connections/bomb.yaml:", appHome);
        assertTrue(described(result, appHome).contains("the file expands to more than 500,000 values (aliases of aliases?)."), described(result, appHome));
    }

    @Test
    void deeplyNestedDocumentsAreOneProblem() throws Exception {
        String deepYaml = CLOUD + "checks: " + "[".repeat(25) + "a" + "]".repeat(25) + "\n";
        assertOneProblem(load("deep.yaml", deepYaml.getBytes(StandardCharsets.UTF_8)),
                "connections/deep.yaml: the file is nested more than 20 levels deep", appHome);
        // far deeper than any stack: SnakeYAML stops at the limit, before recursing
        String deepJson = "{\"connections\": " + "[".repeat(200_000) + "]".repeat(200_000) + "}";
        assertOneProblem(load("deep.json", deepJson.getBytes(StandardCharsets.UTF_8)),
                "connections/deep.json: the file is nested more than 20 levels deep", appHome);
        assertOneProblem(load("loop.yaml", "connections: &a\n  - *a\n".getBytes(StandardCharsets.UTF_8)),
                "connections/loop.yaml:1: values are nested more than 20 levels deep (an alias that refers to itself?).", appHome);
    }

    @Test
    void duplicateKeysAreRefusedNamingTheKey() throws Exception {
        LoadResult yaml = load("dup.yaml", (CLOUD + "apikey: k2\n").getBytes(StandardCharsets.UTF_8));
        assertOneProblem(yaml, "connections/dup.yaml:5: connection \"c\", key \"apikey\": duplicate key on line 5 (first on line 4). Keep one of them.", appHome);
        LoadResult json = load("dup.json", "{\"connections\": [], \"connections\": []}".getBytes(StandardCharsets.UTF_8));
        assertTrue(described(json, appHome).contains("connections/dup.json:1: key \"connections\": duplicate key (first on line 1). Keep one \"connections:\" list and merge the lists."),
                described(json, appHome));
    }

    @Test
    void tenThousandConnectionsAreReadAndMoreAreOneProblem() throws Exception {
        LoadResult tenThousand = load("many.yaml", connections(10_000));
        assertTrue(tenThousand.ok(), described(tenThousand, appHome).lines().limit(3).toList().toString());
        assertEquals(10_000, tenThousand.definitions().size());

        LoadResult more = load("many.yaml", connections(10_001));
        assertEquals("connections/many.yaml:1: key \"connections\": the list holds 10,001 connections, more than the 10,000 a file may hold; "
                + "only the first 10,000 are read. Split the list over several files of the folder.", described(more, appHome));
        assertEquals(10_000, more.definitions().size());
    }

    private static byte[] connections(int count) {
        StringBuilder yaml = new StringBuilder("connections:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  - {name: c").append(i).append(", target: qscloud, tenant-host: t").append(i).append(".eu.qlikcloud.com, apikey: k}\n");
        }
        return yaml.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aValueOfHalfAMillionCharactersIsAProblemOfOneShortLine() throws Exception {
        // half a million digits: BigDecimal took seconds for each such duration; a key as long was a 100 MB
        // table per "did you mean" candidate
        String digits = "9".repeat(500_000);
        LoadResult result = fixture.load("connections/long.yaml", CLOUD + "timeout: " + digits + "\n" + "? " + "k".repeat(500_000) + "\n: 1\n");
        String described = described(result, appHome);
        assertEquals(2, result.problems().size(), described.substring(0, Math.min(described.length(), 500)));
        assertTrue(described.contains("connections/long.yaml:5: connection \"c\", key \"timeout\": must be a duration, not \""
                + "9".repeat(80) + "…\" (500000 characters)."), described.substring(0, Math.min(described.length(), 500)));
    }

    @Test
    void aJwtWhoseHeaderIsTheJsonNullIsAProblemNotACrash() throws Exception {
        // found by TokenClaimsFuzzTest: Nimbus's parser threw a NullPointerException out of the loader
        LoadResult result = fixture.load("connections/jwt.yaml", lines("name: j", "target: qseow", "host: h", "auth-type: jwt",
                "auth-jwt: bnVsbA.eyJleHAiOjF9.c2ln"));
        assertEquals(1, result.problems().size(), described(result, appHome));
        assertTrue(described(result, appHome).startsWith("connections/jwt.yaml:5: connection \"j\", key \"auth-jwt\": "), described(result, appHome));
        assertTrue(described(result, appHome).contains("its header or payload is not base64url-encoded JSON"), described(result, appHome));
    }

    @Test
    void fileReferencesReadAtMost64KibAndNoDevices() throws Exception {
        fixture.write("secrets/big.txt", "k".repeat(64 * 1024 + 1));
        // a run of line breaks inside the value: read in one pass (a regex took seconds here)
        fixture.write("secrets/breaks.txt", "k" + "\r\n".repeat(30_000) + "k\n\n");
        LoadResult result = fixture.load("connections/refs.yaml", lines("connections:",
                "  - {name: a, target: qscloud, tenant-host: t, apikey: \"${file:secrets/big.txt}\"}",
                "  - {name: b, target: qscloud, tenant-host: t, apikey: \"${file:/dev/zero}\"}",
                "  - {name: c, target: qscloud, tenant-host: t, apikey: \"${file:secrets/breaks.txt}\"}"));
        String described = described(result, appHome);
        assertEquals(2, result.problems().size(), described);
        assertTrue(described.contains("connection \"a\", key \"apikey\": ${file:secrets/big.txt}: " + appHome.resolve("secrets/big.txt")
                + " is larger than 64 KiB, not a file holding one value."), described);
        assertTrue(described.contains("connection \"b\", key \"apikey\": ${file:/dev/zero}: /dev/zero is a device or a pipe, not a file holding one value."),
                described);
        assertEquals("k" + "\r\n".repeat(30_000) + "k", result.definitions().get(0).apikey().reveal());
    }
}
