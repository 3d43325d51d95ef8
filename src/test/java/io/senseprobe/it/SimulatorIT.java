package io.senseprobe.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One in-process simulator per test class for the launcher to talk to, under {@code dir/sim}. */
abstract class SimulatorIT {
    @TempDir
    static Path dir;
    static Sim sim;

    @BeforeAll
    static void startSimulator() {
        sim = Sim.start(dir.resolve("sim"));
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }
}
