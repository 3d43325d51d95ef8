package io.senseprobe.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import io.senseprobe.files.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <results dir>/silences.json}: written whole and atomically by the {@code silence} command, read by the
 * running service at each alerts tick, again only when its modified time or size changed.
 */
public final class SilenceFile {
    public static final String FILE_NAME = "silences.json";
    public static final String LOCK_NAME = ".silences.lock";
    private static final Logger LOG = LoggerFactory.getLogger(SilenceFile.class);
    private static final TypeReference<List<Silence>> TYPE = new TypeReference<>() {
    };

    private final Path file;
    private FileTime readTime;
    private long readSize = -1;
    private List<Silence> cached = List.of();

    public SilenceFile(Path resultsDir) {
        this.file = resultsDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** Every silence in the file, expired ones included; a file that cannot be read is an IOException. */
    public List<Silence> read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return List.copyOf(AlertJson.MAPPER.readValue(file.toFile(), TYPE));
    }

    /** A change made from what the file holds: its new content. */
    @FunctionalInterface
    public interface Change<T> {
        T apply() throws IOException;
    }

    /**
     * Runs a read-modify-write of the file ({@code silence add} or {@code remove}) under an exclusive lock on
     * {@link #LOCK_NAME} beside it, so two commands at the same moment both land. A lock file of its own: the file
     * itself is replaced by every atomic write, and a lock on the replaced file would guard nothing.
     */
    public <T> T locked(Change<T> change) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(file.resolveSibling(LOCK_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            return change.apply();
        }
    }

    public void write(List<Silence> silences) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, AlertJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(new ArrayList<>(silences)), false);
    }

    private boolean everRead;

    /** The silences as last read ({@link #refresh()}; the first call reads the file). */
    public synchronized List<Silence> current() {
        if (!everRead) {
            refresh();
        }
        return cached;
    }

    /**
     * Reads the file again when its modified time or size changed (the service: at every alerts tick). An unreadable
     * file keeps the last good list (logged once per change), so a half-edited file never lifts the silences in force.
     */
    public synchronized List<Silence> refresh() {
        everRead = true;
        try {
            FileTime time = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (time.equals(readTime) && size == readSize) {
                return cached;
            }
            readTime = time;
            readSize = size;
            cached = read();
            LOG.info("Alerts: read {} silence(s) from {}", cached.size(), file);
        } catch (NoSuchFileException e) {
            if (readTime != null) {
                LOG.info("Alerts: {} is gone; no silences", file);
            }
            readTime = null;
            readSize = -1;
            cached = List.of();
        } catch (IOException e) {
            LOG.warn("Alerts: could not read {} ({}); keeping the {} silence(s) read before. Fix the file or run"
                    + " \"sense-probe silence list\"", file, e.getMessage(), cached.size());
        }
        return cached;
    }
}
