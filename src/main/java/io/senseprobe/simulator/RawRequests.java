package io.senseprobe.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/** HTTP/1.1 requests read off a socket of the simulator's own (the engine's port and the raw misbehaviours). */
final class RawRequests {
    private static final int MAX_HEAD = 64 * 1024;

    private RawRequests() {
    }

    /** The request head and its Content-Length body; null at the end of the stream. */
    static Incoming read(Listener listener, InputStream in, X509Certificate clientCert) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) {
                throw new IOException("request head too long");
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] start = lines[0].split(" ");
        if (start.length != 3) {
            throw new IOException("not an HTTP request line: " + lines[0]);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        List<String> length = headers.get("Content-Length");
        byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.get(0)));
        URI target = URI.create(start[1]);
        return new Incoming(listener, start[0], target.getRawPath(), target.getRawQuery(),
                Collections.unmodifiableMap(headers), new String(body, StandardCharsets.UTF_8),
                HttpsListener.subjectOf(clientCert));
    }

    /** The client's certificate on a TLS socket whose handshake is done; null without one or on plain TCP. */
    static X509Certificate clientCert(Socket socket) {
        if (socket instanceof SSLSocket tls) {
            try {
                return (X509Certificate) tls.getSession().getPeerCertificates()[0];
            } catch (SSLPeerUnverifiedException e) {
                return null;
            }
        }
        return null;
    }
}
