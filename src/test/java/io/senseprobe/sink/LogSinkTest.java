package io.senseprobe.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.senseprobe.logging.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogSinkTest {
    // pins the per-check line: since issue 8 it starts with the check's time and its source (inbox or inventory)
    @Test
    void printsOneResultLinePerCheckWithItsTimeAndSourceAndSecretsMasked() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LogSink sink = new LogSink(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Secrets.register("s3cret-token-value");
        sink.write(Records.ok("central", "2026-01-02T03:04:05Z"), "inventory");
        sink.write(Records.failed("by-ip", "The token s3cret-token-value was refused."), "inbox");
        assertEquals("2026-01-02T03:04:05Z inventory OK central qseow localhost:4242 cert 123ms build 31.43.0.0" + System.lineSeparator()
                + "2026-01-02T03:04:05Z inbox FAILED by-ip tls-hostname-mismatch: The token *** was refused. — Use host: localhost."
                + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }
}
