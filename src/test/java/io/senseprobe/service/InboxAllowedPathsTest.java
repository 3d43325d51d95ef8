package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.SenseProbeBeans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sense.inbox.allowed-paths with a running service: a dropped definition that names a file outside the allowed
 * folders (absolute, through {@code ..} or a symbolic link) ends in .error with a report naming the file, the key,
 * the path and the setting, and nothing is checked; one inside is checked. The connections folder is the user's own.
 */
class InboxAllowedPathsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path home;
    @TempDir
    static Path elsewhere;
    static Path extra;
    static Path outside;
    static ServiceHarness harness;
    static Path inbox;

    @BeforeAll
    static void start() throws Exception {
        harness = ServiceHarness.withSimulator(home);
        extra = Files.createDirectories(elsewhere.resolve("extra-certs"));
        outside = Files.createDirectories(elsewhere.resolve("not-allowed"));
        for (Path folder : List.of(extra, outside)) {
            Files.copy(harness.sim.files().clientCert(), folder.resolve("client.pem"));
        }
        // the app home's sim/ (the simulator's files) and one folder outside it
        harness.startService(ServiceSettings.INBOX_ALLOWED_PATHS, "sim, " + extra);
        inbox = home.resolve("inbox");
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aFileInAnAllowedFolderOutsideTheAppHomeIsChecked() throws Exception {
        drop("extra.yaml", extra.resolve("client.pem"));

        Path report = awaitReport(".done", "extra.", ".result.json");
        assertEquals("ok", JSON.readTree(report.toFile()).get(0).path("status").asText(), Files.readString(report));
    }

    @Test
    void anAbsolutePathOutsideEndsInErrorNamingFileKeyPathAndFix() throws Exception {
        long before = harness.sim.requests().size();
        drop("absolute.yaml", outside.resolve("client.pem"));

        String report = Files.readString(awaitReport(".error", "absolute.", ".error.txt"));
        assertTrue(report.matches("(?s)absolute\\.\\d{8}T\\d{9}\\.yaml:\\d+: connection \"sim-qrs\", key \"auth-cert-file\": .*"), report);
        for (String part : List.of(outside.resolve("client.pem").toString(), "outside the folders an inbox definition may read",
                home.resolve("sim").toString(), extra.toString(), "add its folder to sense.inbox.allowed-paths")) {
            assertTrue(report.contains(part), "expected \"" + part + "\" in: " + report);
        }
        assertEquals(before, harness.sim.requests().size(), "nothing was checked");
    }

    @Test
    void dotDotOutOfAnAllowedFolderEndsInError() throws Exception {
        drop("dots.yaml", Path.of(extra + "/../not-allowed/client.pem"));

        String report = Files.readString(awaitReport(".error", "dots.", ".error.txt"));
        assertTrue(report.contains(outside.resolve("client.pem") + " is outside the folders"), report);
    }

    @Test
    void aSymbolicLinkOutOfAnAllowedFolderEndsInError() throws Exception {
        Path link = Files.createSymbolicLink(home.resolve("sim/looks-local.pem"), outside.resolve("client.pem"));
        drop("link.yaml", link);

        String report = Files.readString(awaitReport(".error", "link.", ".error.txt"));
        assertTrue(report.contains(link + " leads through a symbolic link to outside the folders"), report);
    }

    @Test
    void theSettingRejectsAnEmptyEntry() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> ServiceSettings.read(
                k -> Optional.ofNullable(Map.of(ServiceSettings.INBOX_ALLOWED_PATHS, "certs,,more").get(k)), home));
        assertTrue(e.getMessage().contains("sense.inbox.allowed-paths = \"certs,,more\": has an empty entry"), e.getMessage());
    }

    @Test
    void theDefaultIsTheAppHomeAndRelativeFoldersAreUnderIt() {
        assertEquals(List.of(home), ServiceSettings.read(k -> Optional.empty(), home).inboxAllowedPaths());
        assertEquals(List.of(home.resolve("certs"), elsewhere), ServiceSettings.read(
                k -> Optional.ofNullable(Map.of(ServiceSettings.INBOX_ALLOWED_PATHS, " certs , " + elsewhere).get(k)), home)
                .inboxAllowedPaths());
    }

    private static void drop(String name, Path clientCert) throws IOException {
        String text = harness.exampleText("sim-qrs");
        String certPath = harness.sim.files().clientCert().toString();
        assertTrue(text.contains(certPath), text);
        Path tmp = inbox.resolve(name + ".tmp");
        Files.writeString(tmp, text.replace(certPath, clientCert.toString()));
        Files.move(tmp, inbox.resolve(name));
        assertFalse(Files.exists(tmp));
    }

    private static Path awaitReport(String folder, String prefix, String suffix) throws InterruptedException {
        ServiceHarness.await(prefix + "*" + suffix + " in " + folder, WAIT, () -> find(folder, prefix, suffix).isPresent());
        return find(folder, prefix, suffix).orElseThrow();
    }

    private static Optional<Path> find(String folder, String prefix, String suffix) {
        try (Stream<Path> files = Files.list(inbox.resolve(folder))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(suffix))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
