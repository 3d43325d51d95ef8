package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionFixture.described;
import static io.senseprobe.definition.DefinitionFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A mistyped key is one problem (its "did you mean"), not also the missing key it was meant to be; in line order. */
class OneTypoOneProblemTest extends DefinitionTest {

    private List<String> problems(String file, String text) throws Exception {
        return described(fixture.load(file, text), appHome).lines().toList();
    }

    @Test
    void aMistypedRequiredKeyIsOnlyTheTypo() throws Exception {
        List<String> problems = problems("a.yaml", lines("name: a", "target: qseow", "host: h",
                "auth-user-dir: INTERNAL", "auth-userid: sa_api"));

        assertEquals(List.of("a.yaml:5: connection \"a\", key \"auth-userid\": unknown key. Did you mean \"auth-user-id\"?"), problems);
    }

    @Test
    void aMistypedFileKeyDoesNotAlsoReportTheDefaultFile() throws Exception {
        List<String> problems = problems("b.yaml", lines("name: b", "target: qseow", "host: h",
                "auth-user-dir: INTERNAL", "auth-user-id: sa_api", "auth-root-cert-fle: /nowhere/root.pem"));

        assertEquals(1, problems.size(), String.valueOf(problems));
        assertEquals("b.yaml:6: connection \"b\", key \"auth-root-cert-fle\": unknown key. Did you mean \"auth-root-cert-file\"?", problems.get(0));
    }

    @Test
    void aMissingKeyWithoutATypoIsStillMissing() throws Exception {
        List<String> problems = problems("c.yaml", lines("name: c", "target: qseow", "host: h", "auth-user-dir: INTERNAL"));

        assertEquals(List.of("c.yaml:1: connection \"c\", key \"auth-user-id\": missing; it is required for auth-type cert. Add \"auth-user-id: ...\"."),
                problems);
    }

    @Test
    void problemsAreListedInLineOrder() throws Exception {
        List<String> problems = problems("d.yaml", lines("name: d", "target: qseow", "hots: h", "port: 99999",
                "auth-user-dir: INTERNAL", "auth-user-id: sa_api", "secure: maybe", "timeot: 5s"));

        assertEquals(4, problems.size(), String.valueOf(problems));
        List<Integer> lines = problems.stream().map(p -> Integer.parseInt(p.split(":")[1])).toList();
        assertEquals(List.of(3, 4, 7, 8), lines, String.valueOf(problems));
    }
}
