package io.senseprobe.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.pem.PemReader;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Further client credentials, which certificate a request came on, TLS connections counted. */
class ClientCredentialsTest extends SimulatorTest {
    @TempDir
    Path creds;

    @Test
    void issuedCredentialsShareSubjectAndIssuerButNotTheKey() throws Exception {
        ClientCredential a = sim.issueClientCredential(creds.resolve("a"));
        ClientCredential b = sim.issueClientCredential(creds.resolve("b"));
        assertEquals(creds.resolve("a/client.pem").toAbsolutePath(), a.certFile());
        assertEquals(creds.resolve("a/client_key.pem").toAbsolutePath(), a.keyFile());
        assertTrue(Files.readString(a.keyFile()).startsWith("-----BEGIN PRIVATE KEY-----"), "unencrypted PKCS#8");
        X509Certificate certA = PemReader.readCertificates(a.certFile(), "client").get(0);
        X509Certificate certB = PemReader.readCertificates(b.certFile(), "client").get(0);
        X509Certificate qmc = PemReader.readCertificates(sim.files().clientCert(), "client").get(0);
        assertEquals("CN=QlikClient", certA.getSubjectX500Principal().getName());
        assertEquals(certA.getSubjectX500Principal(), certB.getSubjectX500Principal());
        assertEquals(qmc.getIssuerX500Principal(), certA.getIssuerX500Principal());
        certA.verify(PemReader.readCertificates(sim.files().rootCert(), "root").get(0).getPublicKey());
        assertNotEquals(certA.getPublicKey(), certB.getPublicKey());
        assertNotEquals(a.fingerprint(), b.fingerprint());
        assertEquals(ClientCredential.fingerprint(certA), a.fingerprint());
        assertTrue(a.fingerprint().matches("[0-9a-f]{64}"), a.fingerprint());
        // the project's own loader reads the EC keys
        assertEquals("EC", PemReader.readPrivateKey(a.keyFile(), null).getAlgorithm());
        assertEquals("EC", certA.getPublicKey().getAlgorithm());
        assertFalse(certA.getKeyUsage()[2], "no keyEncipherment on an EC key");
        // the QMC export stays RSA
        assertEquals("RSA", qmc.getPublicKey().getAlgorithm());
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
        assertEquals(2, sim.requests(Listener.QRS).size());
        assertTrue(sim.requests(Listener.QRS).stream().allMatch(r -> a.fingerprint().equals(r.clientCertFingerprint())));
        TlsClients.getWithXrfkey(TlsClients.mutual(a.certFile(), a.keyFile(), sim.files().rootCert()),
                sim.port(Listener.QRS), "/qrs/about");
        assertEquals(2, sim.tlsConnections(Listener.QRS) - before, "a new client opens a new connection");
    }

    @Test
    void sameSubjectCertificatesAreToldApart() throws Exception {
        ClientCredential a = sim.issueClientCredential(creds.resolve("a"));
        ClientCredential b = sim.issueClientCredential(creds.resolve("b"));
        sim.clearRequests();
        TlsClients.getWithXrfkey(TlsClients.mutual(a.certFile(), a.keyFile(), sim.files().rootCert()),
                sim.port(Listener.QRS), "/qrs/about", "X-Qlik-User", "UserDirectory=INTERNAL; UserId=a");
        TlsClients.getWithXrfkey(TlsClients.mutual(b.certFile(), b.keyFile(), sim.files().rootCert()),
                sim.port(Listener.QRS), "/qrs/about", "X-Qlik-User", "UserDirectory=INTERNAL; UserId=b");
        TlsClients.getWithXrfkey(TlsClients.mutual(sim.files()), sim.port(Listener.QRS), "/qrs/about");

        var requests = sim.requests(Listener.QRS);
        assertEquals(3, requests.size());
        assertTrue(requests.stream().allMatch(r -> "CN=QlikClient".equals(r.clientCertSubject())));
        assertEquals(a.fingerprint(), requests.get(0).clientCertFingerprint());
        assertEquals(b.fingerprint(), requests.get(1).clientCertFingerprint());
        X509Certificate qmc = PemReader.readCertificates(sim.files().clientCert(), "client").get(0);
        assertEquals(ClientCredential.fingerprint(qmc), requests.get(2).clientCertFingerprint());
        // server TLS only: no client certificate to tell
        TlsClients.get(TlsClients.serverOnly(sim.files().rootCert()),
                TlsClients.uri(sim.port(Listener.CLOUD), "/api/v1/users/me"));
        assertEquals(null, sim.requests(Listener.CLOUD).get(0).clientCertFingerprint());
    }

    @Test
    void aResumedConnectionCountsAndKeepsItsCertificate() throws Exception {
        ClientCredential a = sim.issueClientCredential(creds.resolve("a"));
        SSLContext context = TlsClients.mutualContext(a.certFile(), a.keyFile(), sim.files().rootCert());
        long before = sim.tlsConnections(Listener.QRS);
        sim.clearRequests();

        // one SSLContext: the second connection resumes the first one's session (a TLS 1.3 ticket, with the
        // client certificate in it; -Djavax.net.debug=ssl:handshake shows the pre_shared_key)
        for (int i = 0; i < 2; i++) {
            try (RawHttpsCalls.Opened call = RawHttpsCalls.get(context, sim.port(Listener.QRS), "/qrs/about")) {
                assertEquals("HTTP/1.1 200 OK", call.statusLine());
                call.body().readAllBytes();
            }
        }

        assertEquals(2, sim.tlsConnections(Listener.QRS) - before);
        assertEquals(2, sim.requests(Listener.QRS).size());
        assertTrue(sim.requests(Listener.QRS).stream().allMatch(r -> a.fingerprint().equals(r.clientCertFingerprint())));
    }

    @Test
    void aRefusedHandshakeCountsToo() throws Exception {
        SimulatorFiles f = sim.files();
        SSLContext otherSite = TlsClients.mutualContext(f.otherCaClientCert(), f.otherCaClientKey(), f.rootCert());
        long before = sim.tlsConnections(Listener.QRS);
        // a raw socket: the JDK HttpClient retries a GET on a second connection when the server refuses the first
        assertThrows(IOException.class, () -> RawHttpsCalls.get(otherSite, sim.port(Listener.QRS), "/qrs/about"));
        assertEquals(1, sim.tlsConnections(Listener.QRS) - before);
        assertThrows(IllegalStateException.class, () -> sim.tlsConnections(Listener.RESET));
    }
}
