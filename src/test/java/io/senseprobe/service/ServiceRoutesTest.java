package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which route files load: packaged ones, replaced by the app home's copies, plus the app home's extra files. */
class ServiceRoutesTest {
    @TempDir
    Path home;

    @Test
    void everyPackagedRouteLoadsFromTheClassPathWhenTheAppHomeHasNone() {
        assertEquals(List.of("classpath:routes/alerts.camel.yaml", "classpath:routes/check.camel.yaml",
                "classpath:routes/inbox.camel.yaml", "classpath:routes/inventory.camel.yaml",
                "classpath:routes/observe.camel.yaml", "classpath:routes/sinks.camel.yaml"), ServiceRoutes.locations(home));
    }

    @Test
    void everyEndpointSchemeInTheRoutesComesFromAComponentThePomDeclares() throws Exception {
        // test dependencies bring more components (mock) than the packaged jar has
        String pom = Files.readString(Path.of("pom.xml"));
        String main = pom.substring(0, pom.indexOf("<!-- Tests -->"));
        java.util.regex.Matcher uri = java.util.regex.Pattern.compile("(?:uri|to):[ \\t]*\"?([a-z][a-z0-9+-]*):").matcher("");
        int checked = 0;
        for (String name : ServiceRoutes.localNames(Path.of("routes"))) {
            uri.reset(Files.readString(Path.of("routes", name)));
            while (uri.find()) {
                // https is camel-http's; alert-http and alert-smtp are the alert routes' own instances of camel-http
                // and camel-mail components (AlertDestinations)
                String scheme = switch (uri.group(1)) {
                    case "https", "alert-http" -> "http";
                    case "alert-smtp" -> "mail";
                    default -> uri.group(1);
                };
                checked++;
                assertTrue(main.contains("<artifactId>camel-" + scheme + "</artifactId>"),
                        name + " uses " + scheme + ": but pom.xml does not declare camel-" + scheme);
            }
        }
        assertTrue(checked >= 10, "endpoints found: " + checked);
    }

    @Test
    void theAppHomeCopyReplacesThePackagedFileAndExtraFilesAreAdded() throws Exception {
        Path routes = Files.createDirectories(home.resolve("routes"));
        Files.copy(Path.of("routes/alerts.camel.yaml"), routes.resolve("alerts.camel.yaml"));
        // the example from README.md, writing into this test's folder
        String docs = Files.readString(Path.of("README.md"));
        String example = docs.substring(docs.indexOf("```yaml\n- route:") + 8);
        example = example.substring(0, example.indexOf("```"));
        Files.writeString(routes.resolve("failed-to-file.camel.yaml"),
                example.replace("/var/log/sense-probe", home.resolve("copies").toString()));
        Files.writeString(routes.resolve("notes.txt"), "not a route");
        List<String> locations = ServiceRoutes.locations(home);
        assertEquals(7, locations.size(), locations.toString());
        assertTrue(locations.contains("file:" + routes.resolve("alerts.camel.yaml")));
        assertTrue(locations.contains("file:" + routes.resolve("failed-to-file.camel.yaml")));

        // and it runs: each route once (a duplicate would fail the start), the user's sink gets results
        try (ServiceHarness harness = ServiceHarness.withSimulator(home)) {
            Files.createDirectories(home.resolve("connections"));
            Files.copy(harness.example("sim-qrs-ip-host"), home.resolve("connections/ip.yaml"));
            harness.startService();
            // every packaged route once (the alert destinations' only when configured), and the user's 1
            assertEquals(packagedRouteCount() + 1, harness.service.context().getRoutes().size());
            assertTrue(harness.service.context().getRoute("failed-to-file") != null);
            for (String id : List.of("inbox", "inventory", "check", "sinks", "status", "alerts")) {
                assertTrue(harness.service.context().getRoute(id) != null, "route id " + id);
            }
            Path copies = home.resolve("copies/failed.jsonl");
            // the file component creates the file before it writes: wait for content, not for the name
            ServiceHarness.await("the user's route wrote the failure", Duration.ofSeconds(10),
                    () -> copies.toFile().length() > 0);
            assertTrue(Files.readString(copies).startsWith("{\"connection\":\"sim-qrs-ip-host\""), Files.readString(copies));
        }
    }

    private static long packagedRouteCount() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            long count = 0;
            for (Path file : files.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                // a route with a precondition is loaded only when its destination is configured (none here)
                count += Arrays.stream(Files.readString(file).split("\n- route:")).skip(1)
                        .filter(route -> !route.contains("precondition:")).count();
            }
            return count;
        }
    }
}
