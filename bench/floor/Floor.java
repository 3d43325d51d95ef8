import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * bench/oneshot's "floor" variant: the least a JVM can do for the connection test — read the QMC's three PEM files
 * (an RSA key, PKCS#1 or PKCS#8), one mutual-TLS GET of /qrs/about with the xrfkey and X-Qlik-User headers, print
 * the body — with the JDK alone: no CLI, no Camel, no HTTP library, no logging. What sense-probe adds on top is
 * sense-probe's; what this costs is the JVM's, on the same machine and in the same run.
 *
 * Usage: java Floor DIR PORT (DIR holds client.pem, client_key.pem, root.pem)
 */
public final class Floor {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate client;
        X509Certificate root;
        try (FileInputStream in = new FileInputStream(dir.resolve("client.pem").toFile())) {
            client = (X509Certificate) x509.generateCertificate(in);
        }
        try (FileInputStream in = new FileInputStream(dir.resolve("root.pem").toFile())) {
            root = (X509Certificate) x509.generateCertificate(in);
        }
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8(dir.resolve("client_key.pem"))));
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("root", root);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new KeyManager[] {new OneKey(client, key)}, trustManagers.getTrustManagers(), null);
        String xrfkey = "floorXrfkey12345";
        HttpsURLConnection get = (HttpsURLConnection) URI.create("https://localhost:" + args[1] + "/qrs/about?xrfkey=" + xrfkey)
                .toURL().openConnection();
        get.setSSLSocketFactory(tls.getSocketFactory());
        get.setRequestProperty("X-Qlik-Xrfkey", xrfkey);
        get.setRequestProperty("X-Qlik-User", "UserDirectory=INTERNAL; UserId=sa_api");
        get.setRequestProperty("Accept", "application/json");
        System.out.println(new String(get.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The key as PKCS#8 DER: a PKCS#1 RSA key ("BEGIN RSA PRIVATE KEY", as the QMC exports it) wrapped. */
    static byte[] pkcs8(Path pem) throws Exception {
        String text = Files.readString(pem);
        byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
        if (!text.contains("BEGIN RSA PRIVATE KEY")) {
            return der;
        }
        byte[] rsaAlgorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(new byte[] {0x02, 0x01, 0x00});
        body.write(rsaAlgorithm);
        body.write(tlv(0x04, der));
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    /** The client certificate and its key, offered whatever the server asks. */
    private static final class OneKey extends X509ExtendedKeyManager {
        private final X509Certificate certificate;
        private final PrivateKey key;

        OneKey(X509Certificate certificate, PrivateKey key) {
            this.certificate = certificate;
            this.key = key;
        }

        @Override public String[] getClientAliases(String type, Principal[] issuers) { return new String[] {"client"}; }
        @Override public String chooseClientAlias(String[] type, Principal[] issuers, Socket socket) { return "client"; }
        @Override public String[] getServerAliases(String type, Principal[] issuers) { return null; }
        @Override public String chooseServerAlias(String type, Principal[] issuers, Socket socket) { return null; }
        @Override public X509Certificate[] getCertificateChain(String alias) { return new X509Certificate[] {certificate}; }
        @Override public PrivateKey getPrivateKey(String alias) { return key; }
    }
}
