package io.senseprobe.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The demo's stand-in for a chat or incident tool: receives the generic webhook, prints a line, keeps the JSON. */
final class WebhookCapture implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;

    private WebhookCapture(HttpServer server) {
        this.server = server;
    }

    static WebhookCapture start(Path captureFile, PrintStream out) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                Files.createDirectories(captureFile.getParent());
                Files.write(captureFile, (new String(body, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                out.println(describe(body));
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return new WebhookCapture(server);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    private static String describe(byte[] body) {
        try {
            JsonNode alert = JSON.readTree(body);
            if (alert.has("alerts")) {
                StringBuilder lines = new StringBuilder(">>> webhook received: " + alert.path("alert").asText("?")
                        .toUpperCase() + " " + alert.path("count").asInt() + " connections");
                alert.get("alerts").forEach(a -> lines.append("\n>>>   ").append(a.path("connection").asText())
                        .append(" (").append(a.path("category").asText()).append(")"));
                return lines.toString();
            }
            return ">>> webhook received: " + alert.path("alert").asText("?").toUpperCase() + " "
                    + alert.path("connection").asText() + " (" + alert.path("category").asText() + ")";
        } catch (IOException e) {
            return ">>> webhook received " + body.length + " bytes";
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
