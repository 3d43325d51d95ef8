package io.senseprobe.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a listener answers; {@code delay} is waited out after recording and before sending; with a positive
 * {@code byteInterval} the body goes out one byte at a time, that long apart (a server that trickles); an
 * {@code endless} body is sent chunked and followed by filler until the client goes away.
 */
record Response(int status, Map<String, String> headers, byte[] body, Duration delay, Duration byteInterval,
        boolean endless) {
    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";

    static Response json(int status, Object value) {
        return of(status, JSON, Json.bytes(value));
    }

    static Response text(int status, String text) {
        return of(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    static Response html(int status, String html) {
        return of(status, HTML, html.getBytes(StandardCharsets.UTF_8));
    }

    /** No body at all, like the bare 404 of an unknown virtual proxy prefix. */
    static Response empty(int status) {
        return new Response(status, new LinkedHashMap<>(), new byte[0], Duration.ZERO, Duration.ZERO, false);
    }

    static Response of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new Response(status, headers, body, Duration.ZERO, Duration.ZERO, false);
    }

    Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body, delay, byteInterval, endless);
    }

    Response delayedBy(Duration by) {
        return new Response(status, headers, body, by, byteInterval, endless);
    }

    Response trickled(Duration perByte) {
        return new Response(status, headers, body, delay, perByte, endless);
    }

    /** The body, then filler at full speed for as long as the client reads: a body without end. */
    Response endlessly() {
        return new Response(status, headers, body, delay, byteInterval, true);
    }

    /** The first half of the body only, with a Content-Length to match: a complete HTTP answer, cut-off content. */
    Response cutInHalf() {
        return new Response(status, headers, Arrays.copyOf(body, body.length / 2), delay, byteInterval, endless);
    }
}
