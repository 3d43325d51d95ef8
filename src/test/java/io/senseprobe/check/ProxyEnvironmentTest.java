package io.senseprobe.check;

import static io.senseprobe.check.CheckAssertions.assertFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.senseprobe.check.http.ProxyEnvironment;
import io.senseprobe.definition.AuthType;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.ProxyAddress;
import io.senseprobe.definition.Target;
import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import java.time.Clock;
import java.util.Map;
import org.apache.hc.client5.http.ClientProtocolException;
import org.junit.jupiter.api.Test;

/** HTTPS_PROXY and NO_PROXY as curl reads them, and which connections use them. */
class ProxyEnvironmentTest {
    private static Definition definition(AuthType authType, String proxyUrl) {
        Target target = authType == AuthType.APIKEY ? Target.QSCLOUD : Target.QSEOW;
        return new Definition("d", target, "sense.corp.example", 443, "", authType, null, null, null, null, null, null, null, null,
                true, Definition.DEFAULT_TIMEOUT, new Definition.Overrides(null, null, null, null, null, null, null, null, proxyUrl, null), null);
    }

    private static ProxyEnvironment env(String... pairs) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return ProxyEnvironment.of(map::get);
    }

    @Test
    void cloudAndJwtUseHttpsProxyCertificatesDoNot() {
        ProxyEnvironment e = env("HTTPS_PROXY", "http://proxy.corp:3128");
        ProxyAddress proxy = new ProxyAddress("proxy.corp", 3128);
        assertEquals(proxy, e.proxyFor(definition(AuthType.APIKEY, null), "t.eu.qlikcloud.com"));
        assertEquals(proxy, e.proxyFor(definition(AuthType.JWT, null), "sense.corp.example"));
        assertNull(e.proxyFor(definition(AuthType.CERT, null), "sense.corp.example"));
        assertEquals(new ProxyAddress("other", 8080), e.proxyFor(definition(AuthType.CERT, "http://other:8080"), "sense.corp.example"),
                "proxy-url is used as given, for certificates too");
        assertNull(ProxyEnvironment.of(name -> null).proxyFor(definition(AuthType.APIKEY, null), "t.eu.qlikcloud.com"));
    }

    @Test
    void theLowerCaseNamesWinAsInCurl() {
        ProxyEnvironment e = env("https_proxy", "lower:1", "HTTPS_PROXY", "upper:2", "no_proxy", "a.example", "NO_PROXY", "b.example");
        assertEquals(new ProxyAddress("lower", 1), e.proxyFor(definition(AuthType.APIKEY, null), "b.example"));
        assertNull(e.proxyFor(definition(AuthType.APIKEY, null), "a.example"));
    }

    @Test
    void noProxyMatchesTheHostAndTheNamesBelowEachEntry() {
        ProxyEnvironment e = env("HTTPS_PROXY", "proxy:3128", "NO_PROXY", " corp.example,.Intra.Example  10.0.0.5,[::1]");
        Definition cloud = definition(AuthType.APIKEY, null);
        for (String direct : new String[] {"corp.example", "sense.corp.example", "SENSE.CORP.EXAMPLE.", "intra.example", "a.b.intra.example", "10.0.0.5"}) {
            assertNull(e.proxyFor(cloud, direct), direct);
        }
        for (String proxied : new String[] {"notcorp.example", "corp.example.com", "10.0.0.50", "t.eu.qlikcloud.com"}) {
            assertEquals(new ProxyAddress("proxy", 3128), e.proxyFor(cloud, proxied), proxied);
        }
        assertNull(env("HTTPS_PROXY", "proxy:3128", "NO_PROXY", "*").proxyFor(cloud, "anything.example"));
    }

    @Test
    void anInvalidHttpsProxyFailsTheCheckNamingTheVariable() {
        ProxyEnvironment e = env("HTTPS_PROXY", "socks5://proxy:1080");
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> e.proxyFor(definition(AuthType.APIKEY, null), "t.eu.qlikcloud.com"));
        assertEquals("The environment variable HTTPS_PROXY \"socks5://proxy:1080\" uses socks5://; the proxy is spoken to in plain HTTP "
                + "(the tunnel inside is TLS). Write it as \"http://proxy:1080\".", wrong.getMessage());

        ResultFactory results = new ResultFactory(Clock.systemUTC());
        CheckAttempt attempt = new CheckAttempt(definition(AuthType.APIKEY, null), SenseCheck.of(Target.QSCLOUD), results.clock().instant());
        CheckResult result = new FailureClassifier(results).classify(attempt,
                new ClientProtocolException(new ProxySettingException(wrong.getMessage())), null);
        assertFailed(Category.PROXY, result);
        assertEquals(wrong.getMessage(), result.message());
    }
}
