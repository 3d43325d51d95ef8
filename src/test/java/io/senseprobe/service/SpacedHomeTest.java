package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service in an app home whose path has a space, as {@code C:\Program Files\sense-probe} has: the folders reach
 * Camel's file: URIs intact (UriPaths), so an inbox file is checked and its report written.
 */
class SpacedHomeTest {
    @TempDir
    Path dir;

    @Test
    void anInboxFileIsCheckedInAHomeUnderProgramFiles() throws Exception {
        Path home = Files.createDirectories(dir.resolve("Program Files/sense-probe"));
        try (ServiceHarness harness = ServiceHarness.withSimulator(home)) {
            harness.startService();
            Path inbox = home.resolve("inbox");
            Files.writeString(inbox.resolve("good.yaml"), harness.exampleText("sim-qrs"));
            ServiceHarness.await("the report in .done", Duration.ofSeconds(20), () -> names(inbox.resolve(".done")).anyMatch(n -> n.endsWith(".result.json")));
            // the daily results file: a file: URI under the same spaced folder
            ServiceHarness.await("out/results/<day>.jsonl", Duration.ofSeconds(10),
                    () -> names(home.resolve("out/results")).anyMatch(n -> n.endsWith(".jsonl")));
            assertTrue(names(home.resolve("inbox/.error")).findAny().isEmpty());
        }
    }

    private static Stream<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
