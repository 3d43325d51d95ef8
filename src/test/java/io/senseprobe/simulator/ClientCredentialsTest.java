package io.senseprobe.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.auth.PemReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Further client credentials, which certificate a request came on, TLS connections counted, the trickling body. */
class ClientCredentialsTest extends SimulatorTest {
    @TempDir
    Path creds;

    @Test
    void issuedCredentialsShareSubjectAndIssuerButNotTheKey() throws Exception {
        ClientCredential a = sim.issueClientCredential(creds.resolve("a"));
        ClientCredential b = sim.issueClientCredential(creds.resolve("b"));
        X509Certificate certA = PemReader.readCertificates(a.certFile(), "client").get(0);
        X509Certificate certB = PemReader.readCertificates(b.certFile(), "client").get(0);
        X509Certificate qmc = PemReader.readCertificates(sim.files().clientCert(), "client").get(0);
        assertEquals("CN=QlikClient", certA.getSubjectX500Principal().getName());
        assertEquals(certA.getSubjectX500Principal(), certB.getSubjectX500Principal());
        assertEquals(qmc.getIssuerX500Principal(), certA.getIssuerX500Principal());
        assertNotEquals(certA.getPublicKey(), certB.getPublicKey());
        assertNotEquals(a.fingerprint(), b.fingerprint());
        // the project's own loader reads the EC keys
        assertEquals("EC", PemReader.readPrivateKey(a.keyFile(), null).getAlgorithm());
    }

    @Test
    void aRequestIsRecordedWithTheCertificateItCameOnAndConnectionsAreCounted() throws Exception {
        ClientCredential a = sim.issueClientCredential(creds.resolve("a"));
        HttpClient client = TlsClients.mutual(a.certFile(), a.keyFile(), sim.files().rootCert());
        long before = sim.tlsConnections(Listener.QRS);
        sim.clearRequests();

        TlsClients.getWithXrfkey(client, sim.port(Listener.QRS), "/qrs/about");
        TlsClients.getWithXrfkey(client, sim.port(Listener.QRS), "/qrs/about");

        assertEquals(1, sim.tlsConnections(Listener.QRS) - before, "two requests over one kept-alive connection");
        assertTrue(sim.requests(Listener.QRS).stream().allMatch(r -> a.fingerprint().equals(r.clientCertFingerprint())));
        TlsClients.getWithXrfkey(TlsClients.mutual(a.certFile(), a.keyFile(), sim.files().rootCert()),
                sim.port(Listener.QRS), "/qrs/about");
        assertEquals(2, sim.tlsConnections(Listener.QRS) - before, "a new client opens a new connection");
    }

    @Test
    void theTrickleListenerSendsItsBodyOneByteASecond() throws Exception {
        HttpClient client = TlsClients.mutual(sim.files());
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + sim.port(Listener.TRICKLE)
                + "/qrs/about?xrfkey=abcdefghijklmnop")).header("X-Qlik-Xrfkey", "abcdefghijklmnop").build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        assertTrue(length > 50, "a whole /qrs/about body is announced: " + length);
        long start = System.nanoTime();
        int read = 0;
        try (java.io.InputStream body = response.body()) {
            while (System.nanoTime() - start < Duration.ofSeconds(2).toNanos() && body.read() >= 0) {
                read++;
            }
        }
        assertTrue(read < 5, "bytes within about 2 s: " + read);
    }
}
