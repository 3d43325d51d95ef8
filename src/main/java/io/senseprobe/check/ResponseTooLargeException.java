package io.senseprobe.check;

import java.io.IOException;

/** The server's answer ran past {@link #LIMIT_BYTES}: reading stopped there and the connection was dropped. */
public class ResponseTooLargeException extends IOException {
    /** 1 MiB: a Sense answer to a check is a few kilobytes at most (services of a large site: tens). */
    public static final long LIMIT_BYTES = 1024 * 1024;

    public ResponseTooLargeException(String path) {
        super("The answer to " + path + " is larger than 1 MiB (" + LIMIT_BYTES + " bytes)");
    }
}
