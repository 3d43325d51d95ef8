package io.senseprobe.check;

import static io.senseprobe.check.CheckAssertions.assertContains;
import static io.senseprobe.check.CheckAssertions.assertFailed;
import static io.senseprobe.check.CheckAssertions.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.senseprobe.check.http.ProxyEnvironment;
import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import io.senseprobe.simulator.Listener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks through a real CONNECT proxy on loopback, as HTTPS_PROXY / NO_PROXY and proxy-url choose it. */
class ProxyCheckTest {
    @TempDir
    static Path dir;
    static ConnectProxy proxy;
    static CheckFixture fx;

    @BeforeAll
    static void start() throws Exception {
        proxy = ConnectProxy.start();
        fx = CheckFixture.start(dir, ProxyEnvironment.of(Map.of("HTTPS_PROXY", proxy.url(), "NO_PROXY", "other.example, .127.0.0.1")::get));
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
        proxy.close();
    }

    @BeforeEach
    void forgetRequests() {
        fx.sim.clearRequests();
    }

    private List<String> newTunnels(int before) {
        List<String> all = proxy.tunnels();
        return all.subList(before, all.size());
    }

    @Test
    void cloudAndJwtChecksGoThroughTheProxyAndKeepTheTunnel() {
        int before = proxy.tunnels().size();
        assertOk(fx.run(fx.cloud(fx.sim.apiKey())));
        assertOk(fx.run(fx.cloud(fx.sim.apiKey())));
        assertOk(fx.run(fx.jwt(fx.sim.validJwt())));

        assertEquals(List.of("localhost:" + fx.port(Listener.CLOUD), "localhost:" + fx.port(Listener.JWT_PROXY)), newTunnels(before),
                "one tunnel per credential and site, the second cloud check over the pooled one");
        assertEquals(2, fx.sim.requests(Listener.CLOUD).size(), "the requests went through to the site");
    }

    @Test
    void certificateChecksGoDirectUnlessTheDefinitionNamesAProxy() {
        int before = proxy.tunnels().size();
        assertOk(fx.run(fx.cert(Listener.QRS)));
        assertEquals(List.of(), newTunnels(before), "HTTPS_PROXY is not for QRS with a client certificate");

        assertOk(fx.run(fx.cert(Listener.QRS).with("name", "cert-proxied").with("proxy-url", proxy.url())));
        assertEquals(List.of("localhost:" + fx.port(Listener.QRS)), newTunnels(before));
    }

    @Test
    void noProxyHostsGoDirect() {
        int before = proxy.tunnels().size();
        // 127.0.0.1 is in NO_PROXY (as .127.0.0.1); the simulator's certificate holds no IP names, hence secure: false
        CheckResult result = fx.run(fx.cloud(fx.sim.apiKey()).with("tenant-host", "127.0.0.1:" + fx.port(Listener.CLOUD)).with("secure", false));

        assertOk(result);
        assertEquals(List.of(), newTunnels(before));
    }

    @Test
    void aProxyThatRefusesTheTunnelIsNamedWithItsAnswer() throws Exception {
        try (ConnectProxy refusing = ConnectProxy.refusing()) {
            CheckResult result = fx.run(fx.cloud(fx.sim.apiKey()).with("proxy-url", refusing.url()));

            assertFailed(Category.PROXY, result);
            String site = "localhost:" + fx.port(Listener.CLOUD);
            assertContains(result.message(), "The proxy " + refusing.url().substring("http://".length()), "refused the tunnel to " + site, "HTTP 403");
            assertContains(result.hint(), "CONNECT to " + site, "NO_PROXY");
            assertEquals(List.of(site), refusing.tunnels());
            assertEquals(List.of(), fx.sim.requests(Listener.CLOUD));
        }
    }

    @Test
    void aProxyThatIsNotThereIsAProxyFailure() throws Exception {
        int port = CheckFixture.closedPort();
        CheckResult result = fx.run(fx.cloud(fx.sim.apiKey()).with("proxy-url", "127.0.0.1:" + port));

        assertFailed(Category.PROXY, result);
        assertContains(result.message(), "Nothing accepts connections at the proxy 127.0.0.1:" + port);
    }
}
