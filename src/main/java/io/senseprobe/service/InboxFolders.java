package io.senseprobe.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The inbox and its three dot-folders, and how files are named on the way through:
 * {@code inbox/x.yaml} → {@code .inflight/x.<yyyyMMdd'T'HHmmssSSS>.yaml} → {@code .done/} or {@code .error/},
 * with the report named after the claimed name, so redoing a claim after a crash overwrites its report.
 */
public record InboxFolders(Path inbox, Path inflight, Path done, Path error) {

    public static InboxFolders in(Path inbox) {
        return new InboxFolders(inbox, inbox.resolve(".inflight"), inbox.resolve(".done"), inbox.resolve(".error"));
    }

    public void create() {
        try {
            for (Path p : new Path[] {inbox, inflight, done, error}) {
                Files.createDirectories(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the inbox folders under " + inbox, e);
        }
    }

    public Path resultReport(String claimedName) {
        return done.resolve(claimedName + ".result.json");
    }

    public Path errorReport(String claimedName) {
        return error.resolve(claimedName + ".error.txt");
    }
}
