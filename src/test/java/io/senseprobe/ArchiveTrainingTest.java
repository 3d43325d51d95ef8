package io.senseprobe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveTrainingTest {
    @Test
    void commandsAreSplitAtThen() {
        assertEquals(List.of(List.of("qseow", "connection-test", "--host", "h"), List.of("check", "dir", "--json")),
                ArchiveTraining.commands("qseow", "connection-test", "--host", "h", "--then", "check", "dir", "--json"));
    }

    @Test
    void emptyCommandsAreDropped() {
        assertEquals(List.of(List.of("check", "dir")), ArchiveTraining.commands("--then", "check", "dir", "--then"));
    }
}
