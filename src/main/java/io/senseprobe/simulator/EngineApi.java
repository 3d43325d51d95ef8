package io.senseprobe.simulator;

import static io.senseprobe.simulator.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The engine's HTTPS health check (no xrfkey, no X-Qlik-User) and its JSON-RPC over the WebSocket. */
final class EngineApi {
    static final String VERSION = "12.1477.0";
    // the compact form Sense uses, e.g. 20160314T103522.000+0100
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSxx");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HEALTH_PATHS = List.of("engine/healthcheck", "healthcheck");

    private final String started = STARTED.format(OffsetDateTime.now());
    private volatile boolean saturated;

    private volatile boolean endlessMessage;

    void saturated(boolean saturated) {
        this.saturated = saturated;
    }

    void endlessMessage(boolean endless) {
        this.endlessMessage = endless;
    }

    /** Whether a new WebSocket gets, instead of OnConnected, one text message that never ends (fragments forever). */
    boolean endlessMessage() {
        return endlessMessage;
    }

    /** {@code /app/engineData}, or {@code /app/<app id>} as enigma.js opens an app: the JSON-RPC WebSocket. */
    boolean isWebSocketPath(Incoming request) {
        List<String> segments = request.lowerSegments();
        return segments.size() == 2 && segments.get(0).equals("app");
    }

    /** What the engine pushes first on a new WebSocket. */
    String onConnected() {
        return Json.write(obj("jsonrpc", "2.0", "method", "OnConnected", "params", obj("qSessionState", "SESSION_CREATED")));
    }

    /** The answer to one JSON-RPC request: EngineVersion on the global handle; anything else is "method not found". */
    String onMessage(String text) {
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (IOException e) {
            return Json.write(obj("jsonrpc", "2.0", "error", obj("code", -32700, "parameter", "", "message", "Parse error")));
        }
        Object id = request.path("id").isNumber() ? request.get("id").numberValue() : null;
        if ("EngineVersion".equals(request.path("method").asText()) && request.path("handle").asInt(0) == -1) {
            return Json.write(obj("jsonrpc", "2.0", "id", id, "result", obj("qVersion", obj("qComponentVersion", VERSION))));
        }
        return Json.write(obj("jsonrpc", "2.0", "id", id,
                "error", obj("code", -32601, "parameter", request.path("method").asText(), "message", "Method not found")));
    }

    Response handle(Incoming request) {
        if (!HEALTH_PATHS.contains(String.join("/", request.lowerSegments()))) {
            return Response.empty(404);
        }
        return Response.json(200, obj(
                "version", VERSION,
                "started", started,
                "mem", obj("committed", 1843.2, "allocated", 2210.6, "free", 9876.4),
                "cpu", obj("total", saturated ? 97.5 : 4.0),
                "session", obj("active", 1, "total", 2),
                "apps", obj("active_docs", List.of(), "in_memory_docs", List.of("4634fbc8-65eb-4aa1-b5b4-f5e4a4ac1b9b"),
                        "loaded_docs", List.of(), "calls", 157, "selections", 12),
                "users", obj("active", 1, "total", 2),
                "cache", obj("hits", 10, "lookups", 18, "added", 8, "replaced", 0, "bytes_added", 20480),
                "saturated", saturated));
    }
}
