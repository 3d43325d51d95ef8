package io.senseprobe.alert;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.senseprobe.files.AtomicFiles;
import io.senseprobe.files.BoundedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <results dir>/undelivered/}: one JSON file per message and destination, written before the first attempt
 * and deleted once delivered, so neither a receiver that is down nor kill -9 loses an alert. Names are a zero-padded
 * sequence number and the destination id ({@code 000000000042-slack.json}), so they sort in the order written.
 * A file holds the destination id and the message, never an address or password: those come from the settings.
 */
public final class AlertSpool {
    private static final Logger LOG = LoggerFactory.getLogger(AlertSpool.class);
    public static final String DIR = "undelivered";
    private static final Pattern NAME = Pattern.compile("(\\d{12})-([a-z0-9-]+)\\.json");

    private final Path dir;
    private long next;

    public AlertSpool(Path resultsDir) {
        this(resultsDir.resolve(DIR), true);
    }

    // exact: dir is the spool's folder itself, not the results folder it lies in
    private AlertSpool(Path dir, boolean exact) {
        this.dir = dir;
        this.next = highestSequence() + 1;
    }

    /** A spool in {@code dir} itself (the messages waiting for their group, AlertGrouping). */
    static AlertSpool in(Path dir) {
        return new AlertSpool(dir, true);
    }

    @JsonPropertyOrder({"destination", "message"})
    public record Spooled(String destination, AlertMessage message) {
    }

    public Path dir() {
        return dir;
    }

    synchronized Path add(String destination, AlertMessage message) throws IOException {
        Path file = dir.resolve(String.format("%012d-%s.json", next++, destination));
        AtomicFiles.write(file, AlertJson.MAPPER.writeValueAsBytes(new Spooled(destination, message)), false);
        return file;
    }

    /** Numbers new files after what another instance left here (it owned the spool until now). */
    synchronized void resume() {
        next = Math.max(next, highestSequence() + 1);
    }

    /** The files waiting for one destination, oldest first. */
    List<Path> pending(String destination) {
        List<Path> files = new ArrayList<>();
        for (Path file : all()) {
            Matcher m = NAME.matcher(file.getFileName().toString());
            if (m.matches() && m.group(2).equals(destination)) {
                files.add(file);
            }
        }
        return files;
    }

    /** Destination ids that have files waiting. */
    Set<String> destinations() {
        Set<String> ids = new TreeSet<>();
        for (Path file : all()) {
            Matcher m = NAME.matcher(file.getFileName().toString());
            if (m.matches()) {
                ids.add(m.group(2));
            }
        }
        return ids;
    }

    /** A spooled message is a few KiB; a larger file is not one the spool wrote, and is set aside unread. */
    static final int LARGEST_FILE = BoundedFiles.ONE_MIB;

    /** A file the spool wrote; one that is JSON but not a whole message (no destination, kind or time) is not. */
    Spooled read(Path file) throws IOException {
        Spooled spooled = AlertJson.MAPPER.readValue(BoundedFiles.read(file, LARGEST_FILE), Spooled.class);
        if (spooled == null || spooled.destination() == null || !whole(spooled.message())) {
            throw new IOException("not a whole spooled alert (destination, kind, createdAt and result or group)");
        }
        return spooled;
    }

    private static boolean whole(AlertMessage m) {
        return m != null && m.kind() != null && m.createdAt() != null
                && (m.hasGroup() ? m.group().stream().allMatch(AlertSpool::whole) : m.result() != null);
    }

    /** Every message waiting here that can be read, oldest first (an unreadable file is left for the replay). */
    List<Spooled> readable() {
        List<Spooled> messages = new ArrayList<>();
        for (Path file : all()) {
            try {
                messages.add(read(file));
            } catch (IOException e) {
                LOG.debug("Skipped unreadable {} ({})", file.getFileName(), e.getMessage());
            }
        }
        return messages;
    }

    void remove(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * An unreadable file is kept under another name for a person to look at, out of the replay, and logged; {@code what}
     * says which alerts these are ("spooled", "grouped").
     */
    void setAside(Path file, IOException e, String what) {
        try {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.error("Could not read the {} alert {} ({}); moved it to {} for a look", what, file.getFileName(),
                    e.getMessage(), aside.getFileName());
        } catch (IOException moveFailed) {
            LOG.error("Could not read the {} alert {} ({}) nor move it aside ({})", what, file.getFileName(),
                    e.getMessage(), moveFailed.getMessage());
        }
    }

    private List<Path> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private long highestSequence() {
        long highest = 0;
        for (Path file : all()) {
            Matcher m = NAME.matcher(file.getFileName().toString());
            if (m.matches()) {
                highest = Math.max(highest, Long.parseLong(m.group(1)));
            }
        }
        return highest;
    }
}
