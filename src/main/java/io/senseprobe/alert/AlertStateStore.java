package io.senseprobe.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import io.senseprobe.files.AtomicFiles;
import io.senseprobe.files.WriteOutages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <results dir>/alert-state.json}: written whole and atomically after every change, so a restart (even after
 * kill -9) knows which failures were announced and still sends their resolution.
 */
final class AlertStateStore {
    static final String FILE_NAME = "alert-state.json";
    private static final Logger LOG = LoggerFactory.getLogger(AlertStateStore.class);
    private static final TypeReference<Map<String, ConnectionAlertState>> TYPE = new TypeReference<>() {
    };

    private final Path file;

    AlertStateStore(Path resultsDir) {
        this.file = resultsDir.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    Map<String, ConnectionAlertState> load() {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(AlertJson.MAPPER.readValue(file.toFile(), TYPE));
        } catch (IOException e) {
            // keep the unreadable file for a look, start afresh rather than refuse to alert at all
            Path aside = file.resolveSibling(FILE_NAME + ".unreadable");
            LOG.warn("Could not read {} ({}); moved it to {} and starting with no alert state", file,
                    e.getMessage(), aside.getFileName());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("Could not move {} aside: {}", file, moveFailed.getMessage());
            }
            return new TreeMap<>();
        }
    }

    void save(Map<String, ConnectionAlertState> states) {
        try {
            AtomicFiles.write(file, AlertJson.MAPPER.writeValueAsBytes(states), false);
            WriteOutages.worked(file.getParent(), FILE_NAME);
        } catch (IOException e) {
            // alerting goes on from memory; the next change tries again
            WriteOutages.failed(file.getParent(), FILE_NAME, e);
        }
    }
}
