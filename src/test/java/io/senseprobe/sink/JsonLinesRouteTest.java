package io.senseprobe.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.senseprobe.observe.StatusBoard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sinks route's daily JSON-lines file, fed from 8 threads at once: whole lines, each in its record's day. */
class JsonLinesRouteTest {
    @TempDir
    Path out;

    @Test
    void appendsWholeLinesToTheFileOfTheRecordsDay() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            Properties properties = new Properties();
            properties.setProperty("sense.service.results-dir", out.toString());
            properties.setProperty("sense.service.status-write-ms", "1000");
            camel.getPropertiesComponent().setInitialProperties(properties);
            camel.getRegistry().bind("logSink", new LogSink());
            camel.getRegistry().bind("jsonLines", new JsonLines(out.resolve("results")));
            camel.getRegistry().bind("statusSink", new StatusSink(out, Clock.systemUTC()));
            // the inventory's sinks: the route needs them to start; these records (no senseSource) never reach them
            camel.getRegistry().bind("metricsSink", new MetricsSink(new SimpleMeterRegistry()));
            camel.getRegistry().bind("statusBoard", new StatusBoard(Clock.systemUTC()));
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/sinks.camel.yaml"));
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int i = 0; i < 200; i++) {
                String day = i % 2 == 0 ? "2026-01-01T23:59:59.999Z" : "2026-01-02T00:00:00Z";
                int n = i;
                pool.submit(() -> producer.sendBody("direct:results", Records.ok("c" + n, day)));
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        ObjectMapper json = new ObjectMapper();
        for (String day : List.of("2026-01-01", "2026-01-02")) {
            List<String> lines = Files.readAllLines(out.resolve("results/" + day + ".jsonl"));
            assertEquals(100, lines.size());
            for (String line : lines) {
                assertEquals("qrs-about", json.readTree(line).path("check").asText());
            }
        }
    }
}
