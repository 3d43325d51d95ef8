package io.senseprobe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archives `mvn package` makes (target/archive/: the JDK 25 AOT cache, Java 17's AppCDS archive) and
 * how the launcher uses them: the one it picks fits (the JVM is told to fail otherwise), and a corrupt, mismatched
 * or stale archive never fails a run nor writes a word to stderr. The broken-archive tests damage the build's own
 * archive (a copy at another path is rejected for its path before its contents are read) and put it back after.
 */
class ClassDataArchiveIT extends SimulatorIT {
    static final Path ARCHIVES = Path.of("target/archive").toAbsolutePath();
    static final Path CACHE_25 = ARCHIVES.resolve("sense-probe-25.aot");
    static final Path ARCHIVE_17 = ARCHIVES.resolve("sense-probe-17.jsa");
    static final Path JAR = Path.of("target/sense-probe.jar").toAbsolutePath();

    @Test
    void theBuildMadeAnArchiveForEveryJvmThere() throws IOException {
        for (String version : List.of("25", "17")) {
            if (jdkThere(version)) {
                Path archive = version.equals("25") ? CACHE_25 : ARCHIVE_17;
                assertTrue(Files.size(archive) > 1_000_000, archive + " is missing or empty; see target/archive-training/");
                assertTrue(Files.isExecutable(Path.of(Files.readString(ARCHIVES.resolve("java-" + version)))));
                assertTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(JAR)) > 0,
                        archive + " is older than the jar");
            }
        }
    }

    @Test
    void oneShotCommandsRunOnJava25WithItsCache() {
        assumeTrue(Files.exists(CACHE_25), "no Java 25 on this machine");
        // AOTMode=on (after the launcher's auto) ends the JVM with an error when the cache does not fit
        Launcher.Run run = Launcher.args(sim.certTest("localhost")).env("JAVA_OPTS", "-XX:AOTMode=on").run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals("", run.err(), run::describe);
    }

    @Test
    void java17RunsWithItsArchive() {
        assumeTrue(Files.exists(ARCHIVE_17), "no Java 17 on this machine");
        // -Xshare:on (after the launcher's auto) ends the JVM with an error when the archive does not fit
        Launcher.Run run = Launcher.args(sim.certTest("localhost")).env("SENSE_PROBE_JVM", "17")
                .env("JAVA_OPTS", "-Xshare:on").run();

        assertEquals(0, run.exitCode(), run::describe);
        assertEquals("", run.err(), run::describe);
    }

    @Test
    void aCorruptArchiveIsSkippedSilently(@TempDir Path backup) throws IOException {
        for (Path archive : existing(CACHE_25, ARCHIVE_17)) {
            withDamaged(archive, backup, () -> scribble(archive), () -> {
                Launcher.Run run = Launcher.args(sim.certTest("localhost"))
                        .env("SENSE_PROBE_JVM", archive.equals(CACHE_25) ? "25" : "17").run();
                assertCleanSuccess(run, archive + " with 1 MB of noise in the middle");
            });
        }
    }

    @Test
    void anArchiveOfTheOtherJvmIsSkippedSilently(@TempDir Path backup) throws IOException {
        assumeTrue(Files.exists(CACHE_25) && Files.exists(ARCHIVE_17), "needs both JVMs");
        withDamaged(CACHE_25, backup, () -> Files.copy(ARCHIVE_17, CACHE_25, StandardCopyOption.REPLACE_EXISTING), () ->
                assertCleanSuccess(Launcher.args(sim.certTest("localhost")).run(), "Java 17's archive as the AOT cache"));
    }

    @Test
    void aStaleArchiveIsNotUsed(@TempDir Path backup) throws IOException {
        for (Path archive : existing(CACHE_25, ARCHIVE_17)) {
            FileTime before = Files.getLastModifiedTime(JAR);
            withDamaged(archive, backup,
                    () -> Files.setLastModifiedTime(archive, FileTime.fromMillis(before.toMillis() - 60_000)),
                    () -> assertCleanSuccess(Launcher.args(sim.certTest("localhost")).run(), archive + " older than the jar"));
        }
    }

    @Test
    void theFirstBuildPrintsNoEscapes(@TempDir Path home) throws IOException {
        Path script = Files.copy(Launcher.SCRIPT, home.resolve("sense-probe"), StandardCopyOption.COPY_ATTRIBUTES);
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path args = home.resolve("mvn-args");
        // Debian's Maven 3.8.7 writes ESC[0m even in batch mode; this one writes colours too, then "builds" the jar
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\n"
                + "printf '%s\\n' \"$@\" > '" + args + "'\n"
                + "printf '\\033[0m\\033[0m\\033[1m[INFO]\\033[m Building sense-probe\\n'\n"
                + "printf '\\033[0m\\033[33m[WARNING]\\033[m a warning\\n' >&2\n"
                + "mkdir -p target && cp '" + JAR + "' target/sense-probe.jar\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));

        Launcher.Run run = Launcher.args("--version").script(script)
                .env("PATH", bin + ":" + System.getenv("PATH")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.err().contains("Building sense-probe") && run.err().contains("a warning"), run::describe);
        assertFalse((run.out() + run.err()).contains("\u001b"), run::describe);
        List<String> given = Files.readAllLines(args);
        assertTrue(given.containsAll(List.of("-B", "--no-transfer-progress", "-Dstyle.color=never")), given::toString);
    }

    private static void assertCleanSuccess(Launcher.Run run, String archive) {
        assertEquals(0, run.exitCode(), () -> archive + "\n" + run.describe());
        assertTrue(run.out().contains("Successfully connected"), () -> archive + "\n" + run.describe());
        assertEquals("", run.err(), () -> archive + "\n" + run.describe());
    }

    interface Step {
        void run() throws IOException;
    }

    /** Damages {@code archive}, runs {@code check}, and puts the archive back as it was (contents and time). */
    private static void withDamaged(Path archive, Path backup, Step damage, Step check) throws IOException {
        Path saved = backup.resolve(archive.getFileName());
        Files.copy(archive, saved, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        try {
            archive.toFile().setWritable(true);
            damage.run();
            check.run();
        } finally {
            Files.copy(saved, archive, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** 1 MB of noise from the middle on; the file keeps its size and stays newer than the jar. */
    private static void scribble(Path archive) throws IOException {
        byte[] noise = new byte[1 << 20];
        new Random(42).nextBytes(noise);
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.seek(file.length() / 2);
            file.write(noise, 0, (int) Math.min(noise.length, file.length() / 2));
        }
        Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis()));
    }

    private static List<Path> existing(Path... archives) {
        List<Path> there = Stream.of(archives).filter(Files::exists).toList();
        assumeTrue(!there.isEmpty(), "no archive on this machine (no Java 25 or 17)");
        return there;
    }

    /** A JDK of that feature version where the launcher looks: JAVA_HOME, /usr/lib/jvm/*, /opt/java/*. */
    private static boolean jdkThere(String version) throws IOException {
        String javaHome = System.getenv("JAVA_HOME");
        Stream<Path> homes = Stream.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java")).filter(Files::isDirectory)
                .flatMap(dir -> {
                    try {
                        return Files.list(dir).toList().stream();
                    } catch (IOException e) {
                        return Stream.empty();
                    }
                });
        if (javaHome != null) {
            homes = Stream.concat(Stream.of(Path.of(javaHome)), homes);
        }
        return homes.map(home -> home.resolve("release")).filter(Files::isRegularFile).anyMatch(release -> {
            try {
                return Files.readString(release).matches("(?s).*JAVA_VERSION=\"" + version + "[.\"].*")
                        && Files.isExecutable(release.resolveSibling("bin/java"));
            } catch (IOException e) {
                return false;
            }
        });
    }
}
