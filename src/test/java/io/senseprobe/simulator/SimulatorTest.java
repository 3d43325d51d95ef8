package io.senseprobe.simulator;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One simulator per test class, started before its first test and closed after its last. */
abstract class SimulatorTest {
    @TempDir
    static Path dir;
    static SenseSimulator sim;

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = SenseSimulator.start(dir);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }
}
