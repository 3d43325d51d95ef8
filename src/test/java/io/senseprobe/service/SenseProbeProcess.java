package io.senseprobe.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code sense-probe <args>} as a process of its own on the test class path, its output in {@code <home>/<name>.out|.err}. */
final class SenseProbeProcess {
    private SenseProbeProcess() {
    }

    static Process start(Path home, String name, Map<String, String> env, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.senseprobe.SenseProbe"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve(name + ".out").toFile())
                .redirectError(home.resolve(name + ".err").toFile());
        builder.environment().put("SENSE_PROBE_HOME", home.toString());
        builder.environment().put("CAMEL_MANAGEMENT_ENABLED", "false");
        builder.environment().put("CAMEL_SERVER_ENABLED", "false");
        builder.environment().putAll(env);
        return builder.start();
    }
}
