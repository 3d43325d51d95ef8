package io.senseprobe.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.auth.TlsContexts;
import io.senseprobe.definition.AuthType;
import io.senseprobe.definition.Definition;
import io.senseprobe.result.Category;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The {@code engine-version} check: the engine's JSON-RPC API over {@code wss://host:<engine-port>/app/engineData}
 * with the client certificate, as enigma.js talks to it. The engine first pushes {@code OnConnected}; then
 * {@code EngineVersion} on the global handle (-1) answers {@code qVersion.qComponentVersion}.
 * Outside the camel-http path (it has no WebSocket client): the JDK's {@link WebSocket} over the credential's own
 * SSLContext, one short-lived client per check (an opt-in check; the HTTP checks keep the pooled client). Failures
 * to connect are thrown for the {@link FailureClassifier}, as the HTTP checks' are.
 */
public record EngineVersionCall(TlsContexts tlsContexts, ResultFactory results) implements Processor {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ENGINE_VERSION_REQUEST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"EngineVersion\",\"handle\":-1,\"params\":{}}";

    @Override
    public void process(Exchange exchange) throws Exception {
        CheckAttempt attempt = exchange.getProperty(ExchangeProperties.ATTEMPT, CheckAttempt.class);
        Definition d = attempt.definition();
        attempt.useTlsOf(tlsContexts);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(call(attempt, d));
    }

    private Object call(CheckAttempt attempt, Definition d) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(attempt.tls().sslContext())
                .sslParameters(TlsContexts.parameters(attempt.tls().sslContext()))
                .connectTimeout(left(attempt)).build();
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(left(attempt));
        if (d.authType() == AuthType.CERT) {
            builder.header("X-Qlik-User", AuthProcessor.qlikUser(d));
        }
        CompletableFuture<WebSocket> opening = builder.buildAsync(
                URI.create("wss://" + attempt.address() + attempt.path()), new Collector(messages));
        WebSocket socket;
        try {
            socket = opening.get(attempt.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            opening.cancel(true);
            throw new SocketTimeoutException("No WebSocket from the engine in time");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused(attempt, refused.getResponse().statusCode());
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        try {
            JsonNode connected = next(attempt, messages, "OnConnected");
            if (connected == null) {
                return results.failed(attempt, Category.BAD_RESPONSE, "The engine at " + attempt.address()
                        + " accepted the WebSocket but did not send OnConnected.", null);
            }
            socket.sendText(ENGINE_VERSION_REQUEST, true);
            JsonNode answer = next(attempt, messages, null);
            if (answer == null) {
                return results.failed(attempt, Category.BAD_RESPONSE, "The engine at " + attempt.address()
                        + " did not answer EngineVersion.", null);
            }
            JsonNode version = answer.path("result").path("qVersion").path("qComponentVersion");
            if (!version.isTextual()) {
                return results.failed(attempt, Category.BAD_RESPONSE, "The engine at " + attempt.address()
                        + " answered EngineVersion without qVersion.qComponentVersion"
                        + (answer.has("error") ? " (error: " + answer.get("error").path("message").asText() + ")" : "")
                        + ".", null);
            }
            Map<String, Object> sense = new LinkedHashMap<>();
            sense.put("engineVersion", version.asText());
            return results.ok(attempt, sense);
        } finally {
            socket.abort();
        }
    }

    /**
     * The next JSON message: the push named {@code method}, or (method null) the answer to our request id 1.
     * Null when the socket closed first or the text was not JSON-RPC; a timeout when the deadline passes.
     */
    private static JsonNode next(CheckAttempt attempt, BlockingQueue<String> messages, String method)
            throws InterruptedException, IOException {
        while (true) {
            String text = messages.poll(attempt.remainingMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new SocketTimeoutException("The engine did not answer in time");
            }
            if (text == Collector.CLOSED) {
                return null;
            }
            if (text == Collector.TOO_LARGE) {
                throw new ResponseTooLargeException("the engine's WebSocket " + attempt.path());
            }
            JsonNode json;
            try {
                json = JSON.readTree(text);
            } catch (IOException notJson) {
                return null;
            }
            if (method != null ? method.equals(json.path("method").asText()) : json.path("id").asInt(-1) == 1) {
                return json;
            }
        }
    }

    private Object refused(CheckAttempt attempt, int status) {
        // the engine itself upgrades any request with a trusted client certificate: another answer is another service
        Category category = status == 401 ? Category.AUTH_REJECTED : Category.HTTP_ERROR;
        return results.failed(attempt, category, "The engine at " + attempt.address() + " refused the WebSocket to "
                + attempt.path() + " (HTTP " + status + ").", status == 401 ? null
                : "Check that engine-port is the engine's port (4747), not the repository's (4242) or the proxy's (4243).");
    }

    private static Duration left(CheckAttempt attempt) {
        return Duration.ofMillis(Math.max(1, attempt.remainingMillis()));
    }

    /**
     * Whole text messages into the queue; {@link #CLOSED} when the engine closes the socket or it fails. What the engine
     * sends in all is bounded as an HTTP answer is ({@link ResponseTooLargeException#LIMIT_BYTES}, counted in chars):
     * past it, {@link #TOO_LARGE} and the socket is dropped, so an endless message or a flood of them costs 1 MiB.
     */
    private static final class Collector implements WebSocket.Listener {
        // compared by identity: no text the engine sends is one of these instances
        static final String CLOSED = new String("closed");
        static final String TOO_LARGE = new String("too large");

        private final BlockingQueue<String> messages;
        private final StringBuilder part = new StringBuilder();
        private long received;

        Collector(BlockingQueue<String> messages) {
            this.messages = messages;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (overLimit(socket, data.length())) {
                part.setLength(0);
                return null;
            }
            part.append(data);
            if (last) {
                messages.add(part.toString());
                part.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            // not the engine's API, but counted all the same
            if (!overLimit(socket, data.remaining())) {
                socket.request(1);
            }
            return null;
        }

        /** Counts what came; past the limit the socket is dropped and the reader told. */
        private boolean overLimit(WebSocket socket, long length) {
            received += length;
            if (received <= ResponseTooLargeException.LIMIT_BYTES) {
                return false;
            }
            messages.add(TOO_LARGE);
            socket.abort();
            return true;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            messages.add(CLOSED);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            messages.add(CLOSED);
        }
    }
}
