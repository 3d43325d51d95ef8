package io.senseprobe.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile makes the class-data archives in the image, where they fit (no Docker engine here: read as text).
 * An archive fits only the JVM and the jar path it was made with, so the build stage skips them and the final stage,
 * with Java 17 and Temurin 25 and the jar at its final path, trains them.
 */
class DockerfileArchiveTest {
    private static final Path DOCKERFILE = Path.of("Dockerfile");

    @Test
    void theBuildStageSkipsTheArchives() throws IOException {
        String build = stages().get(0);
        assertTrue(build.matches("(?s).*RUN mvn [^\n]*-Dsense.archives.skip=true [^\n]*package\n.*"), build);
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<skip>${sense.archives.skip}</skip>"));
    }

    @Test
    void theImageTrainsItsArchivesAfterTheJarAndLauncherAreInPlace() throws IOException {
        String image = stages().get(1);
        assertTrue(image.contains("FROM eclipse-temurin:17-jre"), image);
        assertTrue(image.contains("COPY --from=eclipse-temurin:25-jre /opt/java/openjdk /opt/java/"), "no Java 25 in the image");
        int jar = image.indexOf("/app/target/sense-probe.jar");
        int launcher = image.indexOf("COPY sense-probe /app/sense-probe");
        int train = image.indexOf("RUN /app/sense-probe --train-archives");
        assertTrue(jar >= 0 && launcher >= 0 && train > jar && train > launcher, image);
        assertTrue(image.contains("test -s /app/target/archive/sense-probe-25.aot"), image);
        assertTrue(image.contains("ENTRYPOINT [\"/app/sense-probe\"]"), image);
    }

    @Test
    void theLauncherLooksForJdksWhereTheImagePutsThem() throws IOException {
        String launcher = Files.readString(Launcher.SCRIPT);
        assertTrue(launcher.contains("${SENSE_PROBE_JDK_DIRS:-/usr/lib/jvm /opt/java}"), "the launcher does not look in /opt/java");
    }

    private static List<String> stages() throws IOException {
        List<String> stages = List.of(Files.readString(DOCKERFILE).split("(?m)^FROM ")).stream()
                .filter(s -> !s.startsWith("#")).map(s -> "FROM " + s).toList();
        assertTrue(stages.size() == 2, "expected a build stage and the image: " + stages.size());
        return stages;
    }
}
