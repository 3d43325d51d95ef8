package io.senseprobe.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP receiver on 127.0.0.1: records every POST body per path, answers with a status the test sets. */
public final class RecordingReceiver implements AutoCloseable {
    public record Request(String path, String body, boolean accepted) {
        public JsonNode json() {
            try {
                return AlertJson.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private volatile boolean endless;

    public RecordingReceiver() throws IOException {
        this(0);
    }

    /** On a given port: a receiver that was stopped comes back where the settings point (0: any free port). */
    public RecordingReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (endless) {
                requests.add(new Request(exchange.getRequestURI().getPath(), body, false));
                answerWithoutEnd(exchange);
                return;
            }
            requests.add(new Request(exchange.getRequestURI().getPath(), body, status.get() == 200));
            byte[] answer = (status.get() == 200 ? "ok" : "down").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** 200 and a chunked body that never ends, until the client hangs up. */
    private static void answerWithoutEnd(HttpExchange exchange) {
        byte[] chunk = "ok ".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.sendResponseHeaders(200, 0);
            while (true) {
                exchange.getResponseBody().write(chunk);
            }
        } catch (IOException clientWentAway) {
            // what a client that stops reading does
        }
    }

    /** True: every request gets an answer without end (never counts as accepted); false: {@link #answer} again. */
    public void answerWithoutEnd(boolean endless) {
        this.endless = endless;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** 200 = up; anything else makes every request fail. */
    public void answer(int code) {
        status.set(code);
    }

    public List<Request> requests(String path) {
        List<Request> matching = new ArrayList<>();
        for (Request r : requests) {
            if (r.path().equals(path)) {
                matching.add(r);
            }
        }
        return matching;
    }

    /** The bodies the receiver accepted (answered 200). */
    public List<JsonNode> bodies(String path) {
        return requests(path).stream().filter(Request::accepted).map(Request::json).toList();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static final Duration WAIT = Duration.ofSeconds(10);
}
