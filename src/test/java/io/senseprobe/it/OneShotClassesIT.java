package io.senseprobe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.simulator.SenseSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a one-shot connection-test loads (the JVM's class-load log): nothing of what it does not use. Bouncy Castle
 * only for an encrypted key; never Camel Main, health checks, the type converters of modules the check route does
 * not touch, logback's XML configurator or the JDK's XML parser.
 */
class OneShotClassesIT extends SimulatorIT {
    private static final List<String> NEVER = List.of("org.apache.camel.main.", "org.apache.camel.impl.health.",
            "org.apache.camel.component.jackson.converter.", "org.apache.camel.component.file.",
            "org.apache.camel.component.mail.", "org.apache.camel.attachment.", "io.vertx.",
            "ch.qos.logback.classic.joran.", "ch.qos.logback.core.joran.action.", "com.sun.org.apache.xerces.",
            "org.bouncycastle.");

    @Test
    void theQmcFilesLoadNothingTheCheckDoesNotUse(@TempDir Path logs) throws IOException {
        List<String> loaded = classesLoaded(logs, sim.certTest("localhost"));

        for (String prefix : NEVER) {
            assertTrue(loaded.stream().noneMatch(c -> c.startsWith(prefix)), prefix + " loaded: "
                    + loaded.stream().filter(c -> c.startsWith(prefix)).limit(5).toList());
        }
    }

    @Test
    void anEncryptedKeyLoadsBouncyCastle(@TempDir Path logs) throws IOException {
        List<String> loaded = classesLoaded(logs, sim.encryptedCertTest(SenseSimulator.KEY_PASSPHRASE));

        assertTrue(loaded.stream().anyMatch(c -> c.startsWith("org.bouncycastle.")), "no Bouncy Castle class loaded");
    }

    private static List<String> classesLoaded(Path logs, List<String> args) throws IOException {
        Path log = logs.resolve("class-load.txt");
        Launcher.Run run = Launcher.args(args).env("JAVA_OPTS", "-Xlog:class+load=info:file=" + log).run();
        assertEquals(0, run.exitCode(), run::describe);
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            String[] words = line.split(" ");
            if (words.length > 1) {
                classes.add(words[1]);
            }
        }
        assertTrue(classes.size() > 1000, "class-load log too short: " + classes.size());
        return classes;
    }
}
