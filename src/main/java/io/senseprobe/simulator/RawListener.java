package io.senseprobe.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLServerSocket;

/**
 * The misbehaviours the JDK server cannot act, on a socket of its own: {@link Listener#SLOW_HEADERS} and
 * {@link Listener#HEADER_FLOOD} (mutual TLS; read and record the request, send a status line, then headers that never
 * end, slowly or at full speed; {@link Listener#CUT_SHORT}: a body shorter than its Content-Length, then the
 * connection closed) and {@link Listener#TLS_STALL} (plain TCP: reads the ClientHello, never answers).
 */
final class RawListener implements AutoCloseable {
    /** {@link Listener#SLOW_HEADERS}: one header byte this often. */
    static final long SLOW_HEADER_BYTE_MS = 100;

    private final Listener listener;
    private final ServerSocket socket;
    private final HttpsListener.Recorder recorder;
    private final ExecutorService executor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong connections = new AtomicLong();

    RawListener(Listener listener, InetAddress bind, int port, Pki.Issued serverCert, X509Certificate trustedClientRoot,
            ExecutorService executor, HttpsListener.Recorder recorder) throws IOException {
        this.listener = listener;
        this.recorder = recorder;
        this.executor = executor;
        if (listener.tls == Listener.Tls.NONE) {
            socket = new ServerSocket();
        } else {
            SSLServerSocket tls = (SSLServerSocket) HttpsListener.sslContext(serverCert, trustedClientRoot)
                    .getServerSocketFactory().createServerSocket();
            tls.setNeedClientAuth(listener.tls == Listener.Tls.MUTUAL);
            socket = tls;
        }
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(bind, port), 50);
        executor.execute(this::acceptLoop);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Connections accepted (for the TLS ones: handshakes tried). */
    long connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                open.add(client);
                executor.execute(() -> serve(client));
            } catch (IOException | RejectedExecutionException e) {
                // closed by close(): nothing more to accept
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            if (listener == Listener.TLS_STALL) {
                // take the ClientHello, then silence: the client's handshake waits for a ServerHello that never comes
                client.getInputStream().read(new byte[16 * 1024]);
                Thread.sleep(Long.MAX_VALUE);
            }
            X509Certificate clientCert = RawRequests.clientCert(client);
            Incoming request = RawRequests.read(listener, client.getInputStream(), clientCert);
            if (request == null) {
                return;
            }
            recorder.record(HttpsListener.recorded(request, 200, clientCert));
            OutputStream out = client.getOutputStream();
            if (listener == Listener.CUT_SHORT) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 400\r\n\r\n"
                        + "{\"buildVersion\":\"31.").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (long i = 0; !Thread.currentThread().isInterrupted(); i++) {
                byte[] line = ("X-Sense-Sim-" + i + ": never ends\r\n").getBytes(StandardCharsets.US_ASCII);
                if (listener == Listener.HEADER_FLOOD) {
                    out.write(line);
                } else {
                    for (byte b : line) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(SLOW_HEADER_BYTE_MS);
                    }
                }
            }
        } catch (IOException e) {
            // the client gave up, or the simulator closed the socket
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : open) {
            try {
                client.close();
            } catch (IOException e) {
                // closing the others
            }
        }
    }
}
