package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionFixture.described;
import static io.senseprobe.definition.DefinitionFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProxyUrlTest extends DefinitionTest {
    private LoadResult withProxy(String url) throws Exception {
        return fixture.load("connections/p.yaml", lines("name: p", "target: qscloud", "tenant-host: t.eu.qlikcloud.com",
                "apikey: k", "proxy-url: \"" + url + "\""));
    }

    private String proxyOf(String url) throws Exception {
        LoadResult result = withProxy(url);
        assertTrue(result.ok(), described(result, appHome));
        return result.definitions().get(0).overrides().proxyUrl();
    }

    @Test
    void proxyUrlsAreReadAsCurlReadsThem() throws Exception {
        assertEquals("http://proxy.corp:3128", proxyOf("http://Proxy.Corp:3128/"));
        assertEquals("http://proxy.corp:3128", proxyOf("proxy.corp:3128"));
        assertEquals("http://proxy.corp:1080", proxyOf("http://proxy.corp"));
        assertEquals("http://[::1]:8080", proxyOf("http://[::1]:8080"));
    }

    @Test
    void aBadProxyUrlIsAProblemWithTheFix() throws Exception {
        assertEquals("connections/p.yaml:5: connection \"p\", key \"proxy-url\": \"https://proxy:3128\" uses https://; the proxy is spoken "
                + "to in plain HTTP (the tunnel inside is TLS). Write it as \"http://proxy:3128\".", described(withProxy("https://proxy:3128"), appHome));
        assertTrue(described(withProxy("http://proxy:3128/path"), appHome).endsWith("holds a path or query; a proxy is a host and a port. Write it as \"http://proxy:3128\"."));
        assertTrue(described(withProxy("http://proxy:99999"), appHome).contains("has a port outside 1-65535."));
        assertTrue(described(withProxy("http://:3128"), appHome).contains("does not name a proxy host."));
        String login = described(withProxy("http://user:pa55word-x@proxy:3128"), appHome);
        assertTrue(login.contains("holds a user and password; proxy authentication is not supported."), login);
        assertFalse(login.contains("pa55word-x"), "the password is never echoed");
    }
}
