package io.senseprobe.service;

import io.senseprobe.definition.Problem;
import io.senseprobe.definition.Definition;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** What the inventory tells others about its files: one broken (once per content), one fixed, the first look. */
public interface DefinitionFileEvents {
    DefinitionFileEvents NONE = new DefinitionFileEvents() {
        @Override
        public void invalid(Path file, List<Problem> problems, List<String> keptConnections) {
        }

        @Override
        public void valid(Path file) {
        }
    };

    void invalid(Path file, List<Problem> problems, List<String> keptConnections);

    void valid(Path file);

    /** The folder was read for the first time: these are the connections it holds. */
    default void firstLoaded(Collection<Definition> active) {
    }
}
