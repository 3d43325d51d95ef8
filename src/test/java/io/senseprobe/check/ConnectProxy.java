package io.senseprobe.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP CONNECT proxy on loopback, as a corporate proxy behaves for HTTPS: it reads the CONNECT request,
 * records its target, answers 200 and pipes bytes both ways (the TLS inside stays between client and site). A
 * refusing proxy answers every CONNECT with 403.
 */
final class ConnectProxy implements AutoCloseable {
    private final ServerSocket server;
    private final boolean refusing;
    private final List<String> tunnels = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private ConnectProxy(boolean refusing) throws IOException {
        this.refusing = refusing;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "connect-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    static ConnectProxy start() throws IOException {
        return new ConnectProxy(false);
    }

    static ConnectProxy refusing() throws IOException {
        return new ConnectProxy(true);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The target ("host:port") of every CONNECT received, in order. */
    List<String> tunnels() {
        return List.copyOf(tunnels);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread t = new Thread(() -> serve(client), "connect-proxy-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String[] requestLine = readHead(in).split("\r\n", 2)[0].split(" ");
            if (requestLine.length < 3 || !requestLine[0].equals("CONNECT")) {
                out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                client.close();
                return;
            }
            tunnels.add(requestLine[1]);
            if (refusing) {
                out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                client.close();
                return;
            }
            int colon = requestLine[1].lastIndexOf(':');
            Socket site = new Socket(requestLine[1].substring(0, colon), Integer.parseInt(requestLine[1].substring(colon + 1)));
            sockets.add(site);
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread up = new Thread(() -> pipe(in, site), "connect-proxy-up");
            up.setDaemon(true);
            up.start();
            pipe(site.getInputStream(), client);
        } catch (IOException e) {
            close(client);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void pipe(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(ConnectProxy::close);
    }
}
