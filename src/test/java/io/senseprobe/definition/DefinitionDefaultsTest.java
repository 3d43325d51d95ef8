package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionFixture.described;
import static io.senseprobe.definition.DefinitionFixture.lines;
import static io.senseprobe.definition.DefinitionFixture.problemKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DefinitionDefaultsTest extends DefinitionTest {
    /** {"alg":"none"}.{"sub":"x"}. : the shape of a JWT is all a definition needs. */
    private static final String UNSIGNED_JWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";

    private Definition only(LoadResult result) {
        assertTrue(result.ok(), described(result, appHome));
        assertEquals(1, result.definitions().size());
        return result.definitions().get(0);
    }

    @Test
    void qseowCertDefaults() throws Exception {
        Path file = fixture.write("connections/site.yaml", lines("name: site", "target: qseow", "host: sense.example.com",
                "auth-user-dir: INTERNAL", "auth-user-id: sa_api"));

        Definition d = only(fixture.loader.load(file));

        assertEquals(Target.QSEOW, d.target());
        assertEquals(AuthType.CERT, d.authType());
        assertEquals(4242, d.port());
        assertEquals("", d.virtualProxy());
        assertEquals(true, d.secure());
        assertEquals(Duration.ofSeconds(10), d.timeout());
        assertEquals(appHome.resolve("config/client.pem"), d.certFile());
        assertEquals(appHome.resolve("config/client_key.pem"), d.keyFile());
        assertEquals(appHome.resolve("config/root.pem"), d.rootCertFile());
        assertNull(d.keyPassphrase());
        assertEquals(Definition.Overrides.NONE, d.overrides());
        assertEquals(file.toAbsolutePath(), d.source());
    }

    @Test
    void qseowJwtDefaults() throws Exception {
        Files.delete(appHome.resolve("config/root.pem"));

        Definition d = only(fixture.load("jwt.yaml", lines("name: j", "target: qseow", "host: h", "auth-type: JWT",
                "virtual-proxy: jwt", "auth-jwt: " + UNSIGNED_JWT)));

        assertEquals(AuthType.JWT, d.authType());
        assertEquals(443, d.port());
        assertEquals(UNSIGNED_JWT, d.jwt().reveal());
        assertNull(d.certFile());
        assertNull(d.keyFile());
        // with jwt a default root.pem that is not there is simply not used
        assertNull(d.rootCertFile());
    }

    @Test
    void qscloudDefaults() throws Exception {
        Definition d = only(fixture.load("cloud.yaml", lines("name: c", "target: qscloud", "tenant-host: t.eu.qlikcloud.com", "apikey: k")));

        assertEquals(Target.QSCLOUD, d.target());
        assertEquals(AuthType.APIKEY, d.authType());
        assertEquals("t.eu.qlikcloud.com", d.host());
        assertEquals(443, d.port());
        assertEquals("k", d.apikey().reveal());
        assertNull(d.rootCertFile());
        assertEquals(true, d.secure());
        assertEquals(Duration.ofSeconds(10), d.timeout());
    }

    @ParameterizedTest
    @CsvSource({
            "t.eu.qlikcloud.com, t.eu.qlikcloud.com, 443",
            "t.eu.qlikcloud.com/, t.eu.qlikcloud.com, 443",
            "https://t.eu.qlikcloud.com, t.eu.qlikcloud.com, 443",
            "https://t.eu.qlikcloud.com/, t.eu.qlikcloud.com, 443",
            "HTTPS://t.eu.qlikcloud.com:8443/, t.eu.qlikcloud.com, 8443",
            "t.eu.qlikcloud.com:8443, t.eu.qlikcloud.com, 8443"})
    void tenantHostIsNormalised(String given, String host, int port) throws Exception {
        Definition d = only(fixture.load("cloud.yaml", lines("name: c", "target: qscloud", "tenant-host: '" + given + "'", "apikey: k")));

        assertEquals(host, d.host());
        assertEquals(port, d.port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://t.eu.qlikcloud.com", "https://t.eu.qlikcloud.com/hub", "t.eu.qlikcloud.com:99999", "my tenant"})
    void badTenantHostsAreProblems(String given) throws Exception {
        LoadResult result = fixture.load("cloud.yaml", lines("name: c", "target: qscloud", "tenant-host: '" + given + "'", "apikey: k"));

        assertEquals(List.of("tenant-host"), problemKeys(result), described(result, appHome));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jwt", "/jwt", "/jwt/", " jwt/"})
    void virtualProxyIsNormalised(String given) throws Exception {
        Definition d = only(fixture.load("vp.yaml", lines("name: v", "target: qseow", "host: h", "virtual-proxy: '" + given + "'",
                "auth-user-dir: D", "auth-user-id: U")));

        assertEquals("jwt", d.virtualProxy());
        assertEquals("/jwt", d.prefixPath());
    }

    @Test
    void qseowHostMustBeAHostName() throws Exception {
        LoadResult url = fixture.load("a.yaml", lines("name: a", "target: qseow", "host: https://h", "auth-user-dir: D", "auth-user-id: U"));
        LoadResult withPort = fixture.load("b.yaml", lines("name: b", "target: qseow", "host: h:4242", "auth-user-dir: D", "auth-user-id: U"));

        assertEquals(List.of("host"), problemKeys(url));
        assertTrue(described(withPort, appHome).contains("Write \"host: h\" and \"port: 4242\"."), described(withPort, appHome));
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "2m, PT2M", "1h, PT1H", "15, PT15S", "2.5, PT2.5S", "'\"30s\"', PT30S"})
    void timeoutForms(String given, String expected) throws Exception {
        Definition d = only(fixture.load("t.yaml", lines("name: t", "target: qscloud", "tenant-host: t", "apikey: k", "timeout: " + given)));

        assertEquals(Duration.parse(expected), d.timeout());
    }

    @ParameterizedTest
    @CsvSource({"false, false", "'\"FALSE\"', false", "'\"True\"', true", "yes, true", "off, false", "true, true"})
    void secureForms(String given, boolean expected) throws Exception {
        Definition d = only(fixture.load("s.yaml", lines("name: s", "target: qscloud", "tenant-host: t", "apikey: k", "secure: " + given)));

        assertEquals(expected, d.secure());
    }

    @Test
    void portMayBeANumericString() throws Exception {
        Definition d = only(fixture.load("p.yaml", lines("name: p", "target: qseow", "host: h", "port: '4243'", "auth-user-dir: D", "auth-user-id: U")));

        assertEquals(4243, d.port());
    }

    @Test
    void rootCertificateIsOnlyRequiredForSecureCertConnections() throws Exception {
        Files.delete(appHome.resolve("config/root.pem"));

        LoadResult secure = fixture.load("a.yaml", lines("name: a", "target: qseow", "host: h", "auth-user-dir: D", "auth-user-id: U"));
        LoadResult insecure = fixture.load("b.yaml", lines("name: b", "target: qseow", "host: h", "auth-user-dir: D", "auth-user-id: U",
                "secure: false"));
        LoadResult insecureExplicit = fixture.load("c.yaml", lines("name: c", "target: qseow", "host: h", "auth-user-dir: D", "auth-user-id: U",
                "secure: false", "auth-root-cert-file: config/root.pem"));
        LoadResult cloudExplicit = fixture.load("d.yaml", lines("name: d", "target: qscloud", "tenant-host: t", "apikey: k",
                "auth-root-cert-file: config/root.pem"));

        assertEquals(List.of("auth-root-cert-file"), problemKeys(secure));
        assertNull(only(insecure).rootCertFile());
        assertEquals(List.of("auth-root-cert-file"), problemKeys(insecureExplicit));
        assertEquals(List.of("auth-root-cert-file"), problemKeys(cloudExplicit));
    }
}
