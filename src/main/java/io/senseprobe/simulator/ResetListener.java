package io.senseprobe.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;

/** Accepts TCP connections and closes them at once with SO_LINGER 0, which sends a reset: no TLS, no HTTP. */
final class ResetListener implements AutoCloseable {
    private final ServerSocket socket;

    ResetListener(InetAddress bind, int port, ExecutorService executor) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(bind, port), 50);
        executor.execute(this::acceptLoop);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoLinger(true, 0);
            } catch (IOException e) {
                // closed by close(), or a client gone already: either way nothing to do
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
