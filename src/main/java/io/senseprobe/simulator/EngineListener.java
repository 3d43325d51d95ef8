package io.senseprobe.simulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The engine's port: mutual TLS, HTTPS (the health check, answered by the handler as on every other listener) and
 * the WebSocket upgrade of {@code /app/engineData} (JSON-RPC, see {@link EngineApi#onMessage}). The JDK's HTTP server
 * cannot hand a connection over after a 101, so this one speaks just enough HTTP/1.1 itself (keep-alive,
 * Content-Length bodies, no chunked requests) and RFC 6455 text, close and ping frames. Requests are recorded like
 * the other listeners' (the upgrade with status 101).
 */
final class EngineListener implements AutoCloseable {
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_FRAME = 64 * 1024;

    private final Listener listener;
    private final ServerSocket server;
    private final ExecutorService executor;
    private final Function<Incoming, Response> handler;
    private final EngineApi engine;
    private final HttpsListener.Recorder recorder;
    private final AtomicLong connections = new AtomicLong();
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    EngineListener(Listener listener, InetAddress bind, int port, Pki.Issued serverCert, X509Certificate trustedClientRoot,
            ExecutorService executor, Function<Incoming, Response> handler, EngineApi engine,
            HttpsListener.Recorder recorder) throws IOException {
        this.listener = listener;
        this.executor = executor;
        this.handler = handler;
        this.engine = engine;
        this.recorder = recorder;
        SSLServerSocket tls = (SSLServerSocket) HttpsListener.sslContext(serverCert, trustedClientRoot)
                .getServerSocketFactory().createServerSocket();
        tls.setNeedClientAuth(true);
        tls.setReuseAddress(true);
        tls.bind(new InetSocketAddress(bind, port), 50);
        this.server = tls;
        executor.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    long connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                socket.setTcpNoDelay(true);
                executor.execute(() -> serve((SSLSocket) socket));
            } catch (IOException e) {
                // closed: the simulator stops
            }
        }
    }

    private void serve(SSLSocket socket) {
        open.add(socket);
        try (socket) {
            socket.startHandshake();
            X509Certificate clientCert = RawRequests.clientCert(socket);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Incoming request = RawRequests.read(listener, in, clientCert);
                if (request == null) {
                    return;
                }
                if ("websocket".equalsIgnoreCase(request.header("Upgrade")) && engine.isWebSocketPath(request)) {
                    upgrade(request, clientCert, in, out);
                    return;
                }
                Response response;
                try {
                    response = handler.apply(request);
                } catch (RuntimeException e) {
                    response = Response.text(500, "Simulator error: " + e);
                }
                recorder.record(HttpsListener.recorded(request, response.status(), clientCert));
                if (!response.delay().isZero()) {
                    Thread.sleep(response.delay().toMillis());
                }
                send(out, response);
                if ("close".equalsIgnoreCase(request.header("Connection"))) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away or the handshake failed: nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private static void send(OutputStream out, Response response) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(" ")
                .append(reason(response.status())).append("\r\n");
        response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(response.body().length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body());
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 101 -> "Switching Protocols";
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            default -> status >= 500 ? "Server Error" : "Status";
        };
    }

    private void upgrade(Incoming request, X509Certificate clientCert, InputStream in, OutputStream out)
            throws IOException {
        String key = request.header("Sec-WebSocket-Key");
        if (key == null || !"13".equals(request.header("Sec-WebSocket-Version"))) {
            recorder.record(HttpsListener.recorded(request, 400, clientCert));
            send(out, Response.text(400, "Bad WebSocket upgrade"));
            return;
        }
        recorder.record(HttpsListener.recorded(request, 101, clientCert));
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (engine.endlessMessage()) {
            sendEndlessMessage(out);
            return;
        }
        sendText(out, engine.onConnected());
        while (true) {
            Frame frame = Frame.read(in);
            switch (frame.opcode()) {
                case 1 -> sendText(out, engine.onMessage(new String(frame.payload(), StandardCharsets.UTF_8)));
                case 9 -> sendFrame(out, 10, frame.payload());
                case 8 -> {
                    sendFrame(out, 8, frame.payload());
                    return;
                }
                default -> {
                    // binary, pong, continuation: the engine's API is whole text messages
                }
            }
        }
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key.trim() + WEBSOCKET_GUID)
                    .getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sendText(OutputStream out, String text) throws IOException {
        sendFrame(out, 1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A text frame that is not the last of its message, then continuation frames until the client goes away. */
    private static void sendEndlessMessage(OutputStream out) throws IOException {
        byte[] chunk = "{\"jsonrpc\":\"2.0\",\"method\":\"OnConnected\",\"params\":{\"pad\":\"".repeat(1000)
                .getBytes(StandardCharsets.UTF_8);
        sendFrame(out, 1, chunk, false);
        while (true) {
            sendFrame(out, 0, chunk, false);
        }
    }

    /** One unmasked final frame, as a server sends. */
    private static void sendFrame(OutputStream out, int opcode, byte[] payload) throws IOException {
        sendFrame(out, opcode, payload, true);
    }

    private static void sendFrame(OutputStream out, int opcode, byte[] payload, boolean last) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((last ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65_536) {
            frame.write(126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >> shift) & 0xff);
            }
        }
        frame.write(payload);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** A client frame (clients mask every frame); fragments are not joined. */
    private record Frame(int opcode, byte[] payload) {
        static Frame read(InputStream in) throws IOException {
            int first = readByte(in);
            int second = readByte(in);
            long length = second & 0x7f;
            if (length == 126) {
                length = (readByte(in) << 8) | readByte(in);
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte(in);
                }
            }
            if (length > MAX_FRAME) {
                throw new IOException("frame too long");
            }
            byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : null;
            byte[] payload = in.readNBytes((int) length);
            if (payload.length != length) {
                throw new SocketException("connection closed inside a frame");
            }
            if (mask != null) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
            }
            return new Frame(first & 0x0f, payload);
        }

        private static int readByte(InputStream in) throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new SocketException("connection closed inside a frame");
            }
            return b;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
