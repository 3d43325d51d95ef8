package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionFixture.described;
import static io.senseprobe.definition.DefinitionFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Maintenance windows: the properties syntax, weekly windows across DST changes, and the definition's keys. */
class MaintenanceWindowsTest extends DefinitionTest {
    private static final String CLOUD = lines("  - name: %s", "    target: qscloud", "    tenant-host: t.eu.qlikcloud.com",
            "    apikey: k");

    private static boolean covers(MaintenanceWindow w, String instant) {
        return w.covers(Instant.parse(instant));
    }

    @Test
    void aWeeklyWindowKeepsItsLocalTimesAcrossTheSpringDstChange() {
        MaintenanceWindow w = MaintenanceWindow.parseList("sun 02:00-04:00 Europe/Stockholm").get(0);
        // 22 March 2026, CET (+01:00): 01:00Z-03:00Z
        assertTrue(covers(w, "2026-03-22T01:00:00Z"));
        assertTrue(covers(w, "2026-03-22T02:59:59Z"));
        assertFalse(covers(w, "2026-03-22T03:00:00Z"));
        assertFalse(covers(w, "2026-03-22T00:59:59Z"));
        // 29 March 2026: 02:00 local does not exist (clocks jump to 03:00 CEST): 01:00Z-02:00Z
        assertFalse(covers(w, "2026-03-29T00:30:00Z"));
        assertTrue(covers(w, "2026-03-29T01:30:00Z"));
        assertFalse(covers(w, "2026-03-29T02:00:00Z"));
        // 5 April 2026, CEST (+02:00): 00:00Z-02:00Z
        assertTrue(covers(w, "2026-04-05T00:00:00Z"));
        assertFalse(covers(w, "2026-04-05T02:30:00Z"));
        // a Saturday is not in it
        assertFalse(covers(w, "2026-04-04T01:00:00Z"));
    }

    @Test
    void aWeeklyWindowAcrossTheAutumnDstChangeRunsFromTheFirstTwoOClockToFourLocal() {
        MaintenanceWindow w = MaintenanceWindow.parseList("sun 02:00-04:00 Europe/Stockholm").get(0);
        // 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:00 CEST = 00:00Z, 04:00 CET = 03:00Z
        assertTrue(covers(w, "2026-10-25T00:00:00Z"));
        assertTrue(covers(w, "2026-10-25T02:30:00Z"));
        assertFalse(covers(w, "2026-10-25T03:00:00Z"));
    }

    @Test
    void aWindowPastMidnightAndAOneOffWindow() {
        List<MaintenanceWindow> ws = MaintenanceWindow.parseList(
                "sat,sun 23:00-01:00 UTC; 2026-12-24T00:00+01:00/2026-12-27T00:00+01:00");
        assertEquals(2, ws.size());
        assertTrue(covers(ws.get(0), "2026-12-05T23:30:00Z"));
        assertTrue(covers(ws.get(0), "2026-12-06T00:30:00Z"));
        // Monday 00:30 follows Sunday's window
        assertTrue(covers(ws.get(0), "2026-12-07T00:30:00Z"));
        assertFalse(covers(ws.get(0), "2026-12-08T00:30:00Z"));
        assertTrue(covers(ws.get(1), "2026-12-23T23:00:00Z"));
        assertFalse(covers(ws.get(1), "2026-12-26T23:00:00Z"));
        assertEquals("sat,sun 23:00-01:00 UTC", ws.get(0).describe());
    }

    @Test
    void badWindowsSayWhatIsWrongAndHowToFixIt() {
        assertEquals("unknown day \"sonday\".", assertThrows(MaintenanceWindow.Invalid.class,
                () -> MaintenanceWindow.parseList("sonday 02:00-04:00 UTC")).getMessage());
        assertTrue(assertThrows(MaintenanceWindow.Invalid.class,
                () -> MaintenanceWindow.parseList("sun 02:00-04:00 Europe/Stokholm")).getMessage().contains("unknown zone"));
        assertTrue(assertThrows(MaintenanceWindow.Invalid.class,
                () -> MaintenanceWindow.parseList("2026-12-27T00:00+01:00/2026-12-24T00:00+01:00")).getMessage()
                .contains("before or when it starts"));
        MaintenanceWindow.Invalid noOffset = assertThrows(MaintenanceWindow.Invalid.class,
                () -> MaintenanceWindow.parseList("2026-12-24T00:00/2026-12-27T00:00"));
        assertTrue(noOffset.getMessage().contains("not an ISO-8601 time with offset"), noOffset.getMessage());
        assertTrue(noOffset.fix().contains("+01:00"));
        assertTrue(assertThrows(MaintenanceWindow.Invalid.class,
                () -> MaintenanceWindow.parseList("sun 2am-4am UTC")).getMessage().contains("not a time of day"));
    }

    @Test
    void aDefinitionsWindowsAndDependsOnAreRead() throws Exception {
        LoadResult result = fixture.load("d.yaml", "connections:\n" + CLOUD.formatted("proxy") + CLOUD.formatted("app")
                + lines("    depends-on: proxy", "    maintenance:",
                        "      - {from: \"2026-12-24T00:00+01:00\", to: \"2026-12-27T00:00+01:00\"}",
                        "      - days: [sun]", "        start: \"02:00\"", "        end: \"04:00\"", "        zone: Europe/Stockholm"));
        assertTrue(result.ok(), described(result, appHome));
        Definition app = result.definitions().get(1);
        assertEquals("proxy", app.overrides().dependsOn());
        assertEquals(2, app.overrides().maintenance().size());
        assertEquals("sun 02:00-04:00 Europe/Stockholm", app.overrides().maintenance().get(1).describe());
    }

    @Test
    void everyBadWindowAndDependencyIsAProblemNamingFileFieldAndFix() throws Exception {
        LoadResult result = fixture.load("d.yaml", "connections:\n"
                + CLOUD.formatted("a") + lines("    depends-on: b", "    maintenance:",
                        "      - {days: [sonday], start: \"02:00\", end: \"04:00\", zone: UTC}",
                        "      - {from: \"2026-12-24T00:00\", to: \"2026-12-27T00:00+01:00\"}",
                        "      - {days: [sun], start: \"04:00\", end: \"04:00\", zone: Mars/Olympus}")
                + CLOUD.formatted("b") + lines("    depends-on: a")
                + CLOUD.formatted("c") + lines("    depends-on: nowhere"));
        String described = described(result, appHome);
        assertTrue(described.contains("unknown day \"sonday\""), described);
        assertTrue(described.contains("not an ISO-8601 time with offset"), described);
        assertTrue(described.contains("the window would be empty"), described);
        assertTrue(described.contains("\"nowhere\", which is no connection"), described);
        assertTrue(result.problems().stream().allMatch(p -> p.file().endsWith("d.yaml") && p.fix() != null
                && (p.key().equals("maintenance") || p.key().equals("depends-on"))), described);
        assertEquals(List.of("b"), result.definitions().stream().map(Definition::name).toList());
    }

    @Test
    void aDependencyCycleIsAProblemOfEachMember() throws Exception {
        LoadResult result = fixture.load("cycle.yaml", "connections:\n"
                + CLOUD.formatted("a") + lines("    depends-on: b")
                + CLOUD.formatted("b") + lines("    depends-on: a")
                + CLOUD.formatted("c") + lines("    depends-on: a"));
        String described = described(result, appHome);
        assertTrue(described.contains("connection \"a\", key \"depends-on\": the dependencies form a cycle: a -> b -> a."), described);
        assertTrue(described.contains("cycle: b -> a -> b"), described);
        assertEquals(2, result.problems().size(), described);
        assertEquals(List.of("c"), result.definitions().stream().map(Definition::name).toList());
    }
}
