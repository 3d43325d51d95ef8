package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.SenseProbeBeans;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings: defaults, folders under the app home, every problem at once, and the ways to override a key. */
class ServiceSettingsTest {
    @TempDir
    Path home;

    private ServiceSettings read(Map<String, String> values) {
        return ServiceSettings.read(key -> Optional.ofNullable(values.get(key)), home);
    }

    @Test
    void defaultsApplyAndRelativeFoldersResolveAgainstTheAppHome() {
        ServiceSettings s = read(Map.of(ServiceSettings.RESULTS_DIR, "/var/sense/out"));
        assertEquals(home.resolve("inbox"), s.inboxDir());
        assertEquals(home.resolve("connections"), s.connectionsDir());
        assertEquals(Path.of("/var/sense/out"), s.resultsDir());
        assertEquals(Duration.ofMillis(500), s.inboxSettle());
        assertEquals(Duration.ofDays(30), s.inboxRetention());
        assertEquals(Duration.ofSeconds(60), s.checkInterval());
        assertEquals(8, s.checkConcurrency());
        assertEquals(Duration.ofSeconds(1), s.inventoryTick());
    }

    @Test
    void inboxReferencesAreOffUnlessSwitchedOn() {
        assertEquals(false, read(Map.of()).inboxAllowSecretRefs());
        assertEquals(true, read(Map.of(ServiceSettings.INBOX_ALLOW_SECRET_REFS, "true")).inboxAllowSecretRefs());
        InvalidSettingsException bad = assertThrows(InvalidSettingsException.class,
                () -> read(Map.of(ServiceSettings.INBOX_ALLOW_SECRET_REFS, "sometimes")));
        assertTrue(bad.getMessage().contains("sense.inbox.allow-secret-refs"), bad.getMessage());
    }

    @Test
    void millisecondsAreAcceptedSoTestsRunInSeconds() {
        ServiceSettings s = read(Map.of(ServiceSettings.CHECK_INTERVAL, "250ms", ServiceSettings.INBOX_SETTLE, "0"));
        assertEquals(Duration.ofMillis(250), s.checkInterval());
        assertEquals(Duration.ofMillis(250), s.inventoryTick());
        assertEquals(Duration.ZERO, s.inboxSettle());
    }

    @Test
    void expiryWarnDaysDefaultToThirtyFourteenSevenOneAndTakeOff() {
        assertEquals(List.of(30, 14, 7, 1), read(Map.of()).expiryWarnDays());
        assertEquals(List.of(60, 10), read(Map.of(ServiceSettings.EXPIRY_WARN_DAYS, " 60, 10 ")).expiryWarnDays());
        assertEquals(List.of(), read(Map.of(ServiceSettings.EXPIRY_WARN_DAYS, "off")).expiryWarnDays());

        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> read(Map.of(ServiceSettings.EXPIRY_WARN_DAYS, "30,two weeks")));
        assertEquals(List.of("sense.expiry.warn-days = \"30,two weeks\": not a list of whole numbers of days from 0 to"
                + " 3650; write e.g. 30,14,7,1 (or off for no warnings)."), e.problems());
    }

    @Test
    void everyProblemIsListed() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> read(Map.of(
                ServiceSettings.INBOX_SETTLE, "soon",
                ServiceSettings.INBOX_RETENTION, "forever",
                ServiceSettings.CHECK_INTERVAL, "0s",
                ServiceSettings.CHECK_CONCURRENCY, "lots")));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("sense.inbox.settle = \"soon\""), e.problems().get(0));
        assertTrue(e.getMessage().contains("sense.check.concurrency = \"lots\": must be a whole number from 1 to 256"));
        assertThrows(InvalidSettingsException.class, () -> read(Map.of(ServiceSettings.CHECK_CONCURRENCY, "0")));
    }

    @Test
    void anInvalidConfigurationStopsTheStartWithEveryProblem() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> SenseProbeService.start(home,
                ServiceHarness.fastSettings("sense.check.concurrency", "-1", "sense.inbox.settle", "1 minute"), SenseProbeBeans::new));
        assertEquals(2, e.problems().size(), e.getMessage());
    }

    @Test
    void systemPropertiesOverrideTheFileAndTheAppHomeFileReplacesThePackagedOne() throws Exception {
        Files.createDirectories(home.resolve("config"));
        // no camel.main.name here: the packaged file's "sense-probe" must not leak in
        Files.writeString(home.resolve("config/application.properties"), """
                sense.results.dir = results-here
                sense.check.concurrency = 2
                """);
        System.setProperty("sense.check.concurrency", "3");
        System.setProperty("sense.inbox.dir", "drop");
        try (SenseProbeService service = SenseProbeService.start(home, ServiceHarness.fastSettings(), SenseProbeBeans::new)) {
            ServiceSettings s = service.settings();
            assertEquals(3, s.checkConcurrency());
            assertEquals(home.resolve("drop"), s.inboxDir());
            assertEquals(home.resolve("results-here"), s.resultsDir());
            assertTrue(Files.isDirectory(home.resolve("drop/.inflight")));
            assertTrue(!"sense-probe".equals(service.context().getName()), service.context().getName());
        } finally {
            System.clearProperty("sense.check.concurrency");
            System.clearProperty("sense.inbox.dir");
        }
    }

    @Test
    void theHealthEndpointAnswers() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (SenseProbeService service = SenseProbeService.start(home, ServiceHarness.fastSettings(
                "camel.management.enabled", "true", "camel.management.host", "127.0.0.1",
                "camel.management.port", String.valueOf(port)), SenseProbeBeans::new)) {
            assertEquals("sense-probe", service.context().getName());
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("UP"), health.body());
        }
    }
}
