package io.senseprobe.check.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.senseprobe.check.ResponseTooLargeException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits the alert destinations' client puts on an answer, against a real local HTTP server: 1 MiB of body,
 * and a total time for the body however slowly it trickles in.
 */
class BoundedAnswersTest {
    private HttpServer server;
    private CloseableHttpClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/endless", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = new byte[64 * 1024];
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException clientGone) {
                // the client stopped reading
            }
        });
        server.createContext("/trickle", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, 0);
                while (true) {
                    out.write('.');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException clientGone) {
                // the client stopped reading
            }
        });
        server.createContext("/small", exchange -> {
            byte[] ok = "ok".getBytes();
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        client = HttpClients.custom().addExecInterceptorFirst(BoundedAnswers.NAME,
                new BoundedAnswers("the alert POST", Duration.ofSeconds(1))).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.stop(0);
    }

    private String post(String path) throws IOException {
        return client.execute(new HttpPost("http://127.0.0.1:" + server.getAddress().getPort() + path),
                response -> EntityUtils.toString(response.getEntity()));
    }

    @Test
    void aSmallAnswerIsReadWhole() throws IOException {
        assertEquals("ok", post("/small"));
    }

    @Test
    void anAnswerWithoutEndStopsOneBytePastOneMebibyte() {
        ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class, () -> post("/endless"));
        assertEquals("The answer to the alert POST is larger than 1 MiB (1048576 bytes)", e.getMessage());
    }

    @Test
    void anAnswerThatTricklesStopsAtItsTotalTime() {
        long start = System.nanoTime();
        SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> post("/trickle"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals("The answer to the alert POST took longer than 1 s in all; sense-probe stopped reading", e.getMessage());
        assertTrue(tookMs < 3000, "each byte came within any socket timeout, the whole took " + tookMs + " ms");
    }
}
