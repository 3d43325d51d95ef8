package io.senseprobe.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A GET over a bare TLS socket, for answers an HttpClient would hide: when each byte arrives, what runs after. */
final class RawHttpsCalls {
    /** The status line and headers read; {@code body} is the socket's stream right after them. */
    record Opened(SSLSocket socket, String statusLine, Map<String, String> headers, InputStream body)
            implements AutoCloseable {
        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private RawHttpsCalls() {
    }

    /** Sends GET {@code path} with a matching xrfkey and the simulator's client certificate; reads up to the body. */
    static Opened get(SimulatorFiles files, int port, String path) throws Exception {
        return get(TlsClients.mutualContext(files.clientCert(), files.clientKey(), files.rootCert()), port, path);
    }

    /** As {@link #get(SimulatorFiles, int, String)} on a new connection of {@code context}. */
    static Opened get(SSLContext context, int port, String path) throws Exception {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port);
        try {
            socket.setSoTimeout(10_000);
            String key = TlsClients.xrfkey();
            socket.getOutputStream().write(("GET " + path + "?xrfkey=" + key + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nX-Qlik-Xrfkey: " + key + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String[] lines = readHead(in).split("\r\n");
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
            return new Opened(socket, lines[0], headers, in);
        } catch (Exception e) {
            socket.close();
            throw e;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the headers: " + head.toString(StandardCharsets.US_ASCII));
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        return text.substring(0, text.length() - 4);
    }

    /** Threads of this JVM sending a trickled body right now. */
    static long tricklingThreads() {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> Arrays.stream(stack).anyMatch(RawHttpsCalls::isTrickle))
                .count();
    }

    private static boolean isTrickle(StackTraceElement frame) {
        return frame.getClassName().equals(HttpsListener.class.getName()) && frame.getMethodName().equals("trickle");
    }
}
