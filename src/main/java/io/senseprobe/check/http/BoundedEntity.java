package io.senseprobe.check.http;

import io.senseprobe.check.ResponseTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * A response body that ends at {@link ResponseTooLargeException#LIMIT_BYTES}: reading past it drops the connection
 * and throws, so an endless body costs one mebibyte and no more time than reading it.
 * <p>
 * Why here and not in camel-http: camel-http copies every body whole, into memory or its stream cache, before the
 * route sees it (HttpProducer.extractResponseBody: a byte array below responsePayloadStreamingThreshold, else
 * IOHelper.copy into a CachedOutputStream), and has no size limit; disableStreamCache would hand the route the live
 * stream instead, whose connection the producer has already given back by then. Wrapping the entity in the
 * client's exec chain bounds the one read camel-http makes, whatever it copies into. The chain runs after
 * httpclient's decompression, so the limit is on the decoded bytes (a gzip bomb stops at 1 MiB too).
 * <p>
 * The connection is discarded before the exception leaves: closing a chunked or Content-Length body would otherwise
 * read it to its end to keep the connection, which for an endless body is never.
 */
final class BoundedEntity extends HttpEntityWrapper {
    private final ExecRuntime runtime;
    private final String path;
    // System.nanoTime() past which a read fails, when total is set (a check's Deadlines abort it instead)
    private final long deadline;
    private final Duration total;
    private volatile boolean overLimit;

    /** The response with its body bounded (when it has one); {@code total} as for the constructor. */
    static ClassicHttpResponse bound(ClassicHttpResponse response, ExecRuntime runtime, String path, Duration total) {
        if (response.getEntity() != null) {
            response.setEntity(new BoundedEntity(response.getEntity(), runtime, path, total));
        }
        return response;
    }

    /** {@code total}: how long the whole answer may take from now, checked at every read (null: no limit). */
    private BoundedEntity(HttpEntity wrapped, ExecRuntime runtime, String path, Duration total) {
        super(wrapped);
        this.runtime = runtime;
        this.path = path;
        this.total = total;
        this.deadline = total == null ? 0 : System.nanoTime() + total.toNanos();
    }

    @Override
    public InputStream getContent() throws IOException {
        if (getContentLength() > ResponseTooLargeException.LIMIT_BYTES) {
            throw tooLarge();
        }
        InputStream content = super.getContent();
        return content == null ? null : new Bounded(content);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = getContent()) {
            if (in != null) {
                in.transferTo(out);
            }
        }
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } catch (IOException e) {
            if (!overLimit) {
                throw e;
            }
            // the connection was dropped on purpose: its stream cannot be closed cleanly, nor needs to be
        }
    }

    private ResponseTooLargeException tooLarge() {
        return dropped(new ResponseTooLargeException(path));
    }

    /** The connection goes before {@code e} leaves, so closing the entity never reads on. */
    private <E extends IOException> E dropped(E e) {
        overLimit = true;
        runtime.discardEndpoint();
        return e;
    }

    /** Counts what is read; one byte past the limit is enough to know. */
    private final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long allowed = ResponseTooLargeException.LIMIT_BYTES + 1 - read;
            int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, allowed)));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, ResponseTooLargeException.LIMIT_BYTES + 1 - read));
            counted(skipped);
            return skipped;
        }

        private void counted(long bytes) throws IOException {
            read += bytes;
            if (read > ResponseTooLargeException.LIMIT_BYTES) {
                throw tooLarge();
            }
            if (total != null && System.nanoTime() - deadline > 0) {
                // a server that trickles its answer: each read is within the socket timeout, the whole is not
                throw dropped(new SocketTimeoutException("The answer to " + path + " took longer than "
                        + total.toSeconds() + " s in all; sense-probe stopped reading"));
            }
        }
    }
}
