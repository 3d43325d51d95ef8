package io.senseprobe.service;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The filter of the leftovers route, which lists .inflight once at start: what .inflight held before the routes
 * started was left there by a crash; a file claimed since is the inbox route's own. (Names, not claim times: a
 * clock set back or ahead between two runs must neither strand a leftover nor take a fresh claim twice.) With several
 * instances over one inbox, the one that takes over lists again (ClusterRole.onTakeOver) before its routes start: the
 * last owner's claims are then its leftovers.
 */
public final class InboxLeftovers implements GenericFileFilter<File> {
    private final Path inflight;
    private volatile Set<String> leftBefore;

    public InboxLeftovers(Path inflight) {
        this.inflight = inflight;
        listLeftBehind();
    }

    /** What .inflight holds now is what the leftovers route will take. */
    public void listLeftBehind() {
        try (Stream<Path> files = Files.list(inflight)) {
            leftBefore = files.filter(p -> InboxFileRules.whyIgnored(p) == null && Files.isRegularFile(p))
                    .map(p -> p.getFileName().toString()).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + inflight, e);
        }
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        return !file.isDirectory() && leftBefore.contains(file.getFileNameOnly());
    }
}
