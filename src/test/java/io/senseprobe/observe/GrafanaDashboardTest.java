package io.senseprobe.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.sink.MetricsSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * config/grafana/sense-probe.json parses, and its queries name only metrics the service serves (the names
 * ObserveEndpointsTest finds on /observe/metrics) and only variables the dashboard defines; every metric has a panel.
 */
class GrafanaDashboardTest {
    private static final Path DASHBOARD = Path.of("config/grafana/sense-probe.json");
    private static final Pattern METRIC = Pattern.compile("\\b(sense_probe_[a-z_]+)\\b");
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)");

    static Set<String> servedMetrics() {
        Set<String> names = new TreeSet<>(MetricsSink.NAMES);
        names.add(AlertCounter.EXPOSED);
        names.add(Observe.CLUSTER_LEADER);
        return names;
    }

    @Test
    void everyQueryNamesServedMetricsAndDefinedVariables() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertEquals("sense-probe", dashboard.path("uid").asText());
        Set<String> variables = new HashSet<>(Set.of("__rate_interval", "__interval", "__all"));
        dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));

        List<String> queries = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "two panels with id " + panel.path("id"));
            assertTrue(panel.path("gridPos").has("w"), panel.path("title") + " has no position");
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
            }
        }
        dashboard.path("templating").path("list").forEach(v -> queries.add(v.path("definition").asText()));
        assertFalse(queries.isEmpty());

        Set<String> used = new TreeSet<>();
        for (String query : queries) {
            Matcher m = METRIC.matcher(query);
            while (m.find()) {
                used.add(m.group(1));
                assertTrue(servedMetrics().contains(m.group(1)), "no such metric: " + m.group(1) + " in " + query);
            }
            Matcher v = VARIABLE.matcher(query);
            while (v.find()) {
                assertTrue(variables.contains(v.group(1)), "no such variable: $" + v.group(1) + " in " + query);
            }
        }
        assertEquals(servedMetrics(), used, "every metric has a panel");
    }
}
