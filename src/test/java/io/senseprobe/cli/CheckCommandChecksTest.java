package io.senseprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.SenseProbeBeans;
import io.senseprobe.simulator.SenseSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultLine;
import io.senseprobe.result.Status;
import java.util.ArrayList;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} with several checks per definition: one line per check, the exit code the worst of them. */
class CheckCommandChecksTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The exit code and the records {@code --results} wrote (the console is the process's own, not capturable). */
    private record Run(int code, List<JsonNode> records) {
        String line(String check) {
            return records.stream().filter(r -> r.path("check").asText().equals(check))
                    .map(r -> r.path("status").asText() + " " + r.path("category").asText() + " " + r.path("message").asText())
                    .findFirst().orElse("no record of " + check + " in " + records);
        }
    }

    private Run check(Path file) throws Exception {
        Path results = Files.createTempFile(dir, "results", ".jsonl");
        int code = Cli.run(SenseProbeBeans::new, "check", file.toString(), "--results", results.toString());
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(results)) {
            records.add(JSON.readTree(line));
        }
        return new Run(code, records);
    }

    @Test
    void oneLinePerCheckAndTheWorstExitCode() throws Exception {
        try (SenseSimulator sim = SenseSimulator.start(dir.resolve("sim"))) {
            sim.writeExampleDefinitions();
            Path all = sim.files().connectionsDir().resolve("sim-all-checks.yaml");

            Run ok = check(all);
            assertEquals(0, ok.code(), ok.records().toString());
            assertEquals(List.of("qrs-about", "services", "engine-health", "engine-version", "proxy"),
                    ok.records().stream().map(r -> r.path("check").asText()).toList());
            ok.records().forEach(r -> assertEquals("ok", r.path("status").asText(), r.toString()));

            sim.engineSaturated(true);
            Run warning = check(all);
            assertEquals(0, warning.code(), "a warning still exits 0: " + warning.records());
            assertTrue(warning.line("engine-health").startsWith("warning engine-saturated"), warning.line("engine-health"));

            sim.serviceState("rim-1", "Proxy", "Unknown");
            Run failed = check(all);
            assertEquals(1, failed.code(), failed.records().toString());
            assertEquals("failed service-down 1 service is not running: Proxy on node rim-1 is Unknown.",
                    failed.line("services"));
            assertTrue(failed.line("qrs-about").startsWith("ok "), failed.line("qrs-about"));
        }
    }

    @Test
    void aCheckLineNamesTheCheckBeyondTheConnectionTest() {
        CheckResult engine = new CheckResult("central", "engine-health", "qseow", "sense1", 4747, "cert", Status.OK,
                Category.OK, "m", "", "2026-01-01T00:00:00Z", 12, Map.of(), List.of(), List.of());
        CheckResult about = new CheckResult("central", "qrs-about", "qseow", "sense1", 4242, "cert", Status.OK,
                Category.OK, "m", "", "2026-01-01T00:00:00Z", 12, Map.of(), List.of(), List.of());
        assertEquals("OK central/engine-health qseow sense1:4747 cert 12ms", ResultLine.format(engine));
        assertEquals("OK central qseow sense1:4242 cert 12ms", ResultLine.format(about));
    }

    @Test
    void theCloudTenantExample() throws Exception {
        try (SenseSimulator sim = SenseSimulator.start(dir.resolve("sim"))) {
            sim.writeExampleDefinitions();
            Run run = check(sim.files().connectionsDir().resolve("sim-cloud-tenant.yaml"));
            assertEquals(0, run.code(), run.records().toString());
            assertTrue(run.line("users-me").startsWith("ok "), run.line("users-me"));
            assertTrue(run.line("tenant").startsWith("ok ok Qlik Cloud tenant sense-sim"), run.line("tenant"));
        }
    }
}
