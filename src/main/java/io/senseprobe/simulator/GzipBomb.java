package io.senseprobe.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** The body of {@link Listener#GZIP_BOMB}: the start of a JSON string, then 16 MiB of one letter, gzipped. */
final class GzipBomb {
    static final int UNPACKED = 16 * 1024 * 1024;
    static final byte[] BODY = build();

    private GzipBomb() {
    }

    private static byte[] build() {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write("{\"buildVersion\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] letters = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < UNPACKED / letters.length; i++) {
                gzip.write(letters);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packed.toByteArray();
    }
}
