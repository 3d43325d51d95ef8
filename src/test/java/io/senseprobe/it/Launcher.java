package io.senseprobe.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ./sense-probe} launcher as a subprocess. The environment is the test JVM's minus every
 * SENSE_PROBE_* and CTRLQ_* variable (so a developer's settings cannot change a result), plus what a test sets.
 *
 * <pre>{@code
 * Launcher.Run run = Launcher.args("check", file.toString()).env("SENSE_PROBE_AUTH_JWT", jwt).cwd(dir).run();
 * }</pre>
 */
final class Launcher {
    /** Failsafe runs with the repository root as working directory: the launcher is there. */
    static final Path SCRIPT = Path.of("sense-probe").toAbsolutePath();
    static final long TIMEOUT_SECONDS = 60;

    private final List<String> args;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> removed = new ArrayList<>();
    private Path cwd;
    private Path script = SCRIPT;

    private Launcher(List<String> args) {
        this.args = args;
    }

    static Launcher args(String... args) {
        return new Launcher(new ArrayList<>(Arrays.asList(args)));
    }

    static Launcher args(List<String> args) {
        return new Launcher(new ArrayList<>(args));
    }

    Launcher env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Launcher without(String... names) {
        removed.addAll(List.of(names));
        return this;
    }

    Launcher cwd(Path dir) {
        this.cwd = dir;
        return this;
    }

    /** Runs a copy of the launcher (in an app home of a test's own) instead of the repository's. */
    Launcher script(Path copy) {
        this.script = copy;
        return this;
    }

    /** Starts the launcher without waiting; stdout and stderr are pipes the caller reads. */
    Process start() {
        assertTrue(Files.isExecutable(script), "launcher not found at " + script + " (working directory must be the repo root)");
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("SENSE_PROBE_") || k.startsWith("CTRLQ_"));
        removed.forEach(environment::remove);
        environment.putAll(env);
        if (cwd != null) {
            builder.directory(cwd.toFile());
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs to the end (at most {@link #TIMEOUT_SECONDS}) and captures everything. */
    Run run() {
        return background().await("did not end within " + TIMEOUT_SECONDS + " s", "failed to run");
    }

    /** Starts a command that keeps running ({@code run}); {@link Background#stop} ends it and returns its output. */
    Background background() {
        Process process = start();
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // nothing to write anyway
        }
        return new Background(args, process, drain(process.getInputStream()), drain(process.getErrorStream()));
    }

    /** A launcher process still running; its stdout and stderr are read all the time, so it never blocks on them. */
    record Background(List<String> args, Process process, CompletableFuture<byte[]> out, CompletableFuture<byte[]> err) {
        boolean isAlive() {
            return process.isAlive();
        }

        /** SIGTERM (an orderly stop) or SIGKILL; waits for the end and for every byte written. */
        Run stop(boolean kill) {
            // through the handle: Process.destroy would also close the pipes and lose what is still in them
            if (kill) {
                process.toHandle().destroyForcibly();
            } else {
                process.toHandle().destroy();
            }
            return await("did not stop within " + TIMEOUT_SECONDS + " s of SIGTERM", "could not be stopped");
        }

        /**
         * Waits for the end (at most {@link #TIMEOUT_SECONDS}) and for every byte written. A process still running
         * then is killed and fails the test with {@code notEnded}; any other trouble with {@code failed}.
         */
        private Run await(String notEnded, String failed) {
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("sense-probe " + String.join(" ", args) + " " + notEnded);
                }
                return new Run(args, process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
            } catch (Exception e) {
                process.destroyForcibly();
                throw new AssertionError("sense-probe " + String.join(" ", args) + " " + failed, e);
            }
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                stream.transferTo(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, command -> {
            Thread thread = new Thread(command, "launcher-drain");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** A finished run: exit code and the raw bytes of stdout and stderr. */
    record Run(List<String> args, int exitCode, byte[] stdoutBytes, byte[] stderrBytes) {
        String out() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        String err() {
            return new String(stderrBytes, StandardCharsets.UTF_8);
        }

        /** Everything, for assertion messages. */
        String describe() {
            return "sense-probe " + String.join(" ", args) + "\nexit " + exitCode + "\n--- stdout ---\n" + cut(out())
                    + "\n--- stderr ---\n" + cut(err());
        }

        private static String cut(String text) {
            return text.length() <= 20_000 ? text : text.substring(0, 20_000) + "\n... (" + text.length() + " chars)";
        }
    }
}
