package io.senseprobe.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a whole file, or stream, of at most a given size: a wrong path (a log, an image, /dev/zero) or a hostile file
 * fails with an error that names the file and the limit instead of filling the memory. The limit is checked on what
 * is read, not on the size the file system reports, so a file that grows meanwhile or a device is bounded too.
 */
public final class BoundedFiles {
    /** Definition files, spool files and PEM files. */
    public static final int ONE_MIB = 1024 * 1024;

    private BoundedFiles() {
    }

    /** More than the limit: the message names the file and the limit; {@link #limit()} for callers' own messages. */
    public static final class TooLargeException extends IOException {
        private final Path file;
        private final int limit;

        TooLargeException(String name, Path file, int limit) {
            super(name + " is larger than " + size(limit));
            this.file = file;
            this.limit = limit;
        }

        /** The file, or null for a stream. */
        public Path file() {
            return file;
        }

        public int limit() {
            return limit;
        }
    }

    /** The file's bytes; {@link TooLargeException} when it holds more than {@code limit}. */
    public static byte[] read(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, limit, file.toString(), file);
        }
    }

    /** A stream's bytes, at most {@code limit}; {@code name} for the message. */
    public static byte[] read(InputStream in, int limit, String name) throws IOException {
        return read(in, limit, name, null);
    }

    private static byte[] read(InputStream in, int limit, String name, Path file) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new TooLargeException(name, file, limit);
        }
        return bytes;
    }

    /**
     * The file as text in {@code charset}, strictly decoded: a byte sequence that is not valid there is a
     * {@link CharacterCodingException}, not a replacement character.
     */
    public static String readString(Path file, int limit, Charset charset) throws IOException {
        return decode(read(file, limit), charset);
    }

    /** Strict decoding, as {@link Files#readString(Path, Charset)} does. */
    public static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** {@code 1 MiB}, {@code 64 KiB}, {@code 100 bytes}: a limit as the messages show it. */
    public static String size(long bytes) {
        if (bytes >= ONE_MIB && bytes % ONE_MIB == 0) {
            return bytes / ONE_MIB + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
