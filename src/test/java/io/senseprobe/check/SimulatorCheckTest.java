package io.senseprobe.check;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** One simulator and one check context per test class; each test starts with no recorded requests. */
abstract class SimulatorCheckTest {
    @TempDir
    static Path dir;
    static CheckFixture fx;

    @BeforeAll
    static void startSimulator() throws Exception {
        fx = CheckFixture.start(dir);
    }

    @AfterAll
    static void stopSimulator() {
        fx.close();
    }

    @BeforeEach
    void forgetRequests() {
        fx.sim.clearRequests();
    }
}
