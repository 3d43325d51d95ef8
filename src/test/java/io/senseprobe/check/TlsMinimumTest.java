package io.senseprobe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS 1.2 is the minimum for every auth mode and for the engine WebSocket, by sense-probe's own protocol list, not
 * only by the JDK's jdk.tls.disabledAlgorithms: {@link Tls11Child} runs in a JVM where TLS 1.1 is allowed, and a
 * control handshake there with a check's own SSLContext does speak TLS 1.1, so without the list the checks would.
 */
class TlsMinimumTest {
    /** The JDK 17 default without TLSv1 and TLSv1.1. */
    private static final String ALLOW_TLS11 = "jdk.tls.disabledAlgorithms=SSLv3, DTLSv1.0, RC4, DES, MD5withRSA, "
            + "DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH\n";

    @Test
    void aServerThatSpeaksOnlyTls11IsRefusedByEveryAuthMode(@TempDir Path dir) throws Exception {
        Map<String, String> out = runChild(dir);

        assertEquals("TLSv1.1", out.get("control"), "the child JVM and a check's SSLContext would speak TLS 1.1: " + out);
        for (String mode : List.of("cert", "jwt", "apikey", "engine")) {
            String line = out.get(mode);
            assertTrue(line != null && line.startsWith("tls-protocol "), mode + ": " + line);
            assertTrue(line.contains("TLS 1.2"), mode + ": " + line);
        }
        assertEquals("1", out.get("handshakes"), "only the control completed a handshake: " + out);
    }

    private static Map<String, String> runChild(Path dir) throws Exception {
        Path security = Files.writeString(dir.resolve("allow-tls11.security"), ALLOW_TLS11);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Djava.security.properties=" + security,
                "-cp", System.getProperty("java.class.path"), Tls11Child.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String output;
        try {
            output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not end");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(0, child.exitValue(), output);
        Map<String, String> lines = new HashMap<>();
        for (String line : output.split("\\R")) {
            int space = line.indexOf(' ');
            if (space > 0 && List.of("control", "cert", "jwt", "apikey", "engine", "handshakes").contains(line.substring(0, space))) {
                lines.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        assertTrue(lines.containsKey("handshakes"), output);
        return lines;
    }
}
