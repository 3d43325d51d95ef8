package io.senseprobe.service;

import java.io.File;
import java.time.Instant;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The filter of the leftovers route, which lists .inflight once at start: a file claimed before this run started
 * (its name carries the claim's time) was left there by a crash; one claimed since is the inbox route's own.
 */
public final class InboxLeftovers implements GenericFileFilter<File> {
    private final Instant startedAt = Instant.now();

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory() || InboxFileRules.whyIgnored(file.getFile().toPath()) != null) {
            return false;
        }
        Instant claimedAt = InboxFolders.claimedAt(file.getFileNameOnly());
        return claimedAt == null || claimedAt.isBefore(startedAt);
    }
}
