package io.senseprobe.definition;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A new app home for each test, with the QMC export under config/, and a {@link DefinitionFixture} writing into it. */
abstract class DefinitionTest {
    @TempDir
    Path appHome;
    DefinitionFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new DefinitionFixture(appHome).withSiteCerts();
    }
}
