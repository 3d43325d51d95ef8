package io.senseprobe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.SenseProbeBeans;
import io.senseprobe.check.http.ProxyEnvironment;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.definition.LoadResult;
import io.senseprobe.result.CheckResult;
import io.senseprobe.simulator.Listener;
import io.senseprobe.simulator.SenseSimulator;
import io.senseprobe.simulator.SimulatorFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * One simulator and one check pipeline (OneShotCamel) for a test class, plus a builder for definitions that
 * point at the simulator with absolute paths. Definitions go through {@link DefinitionLoader#fromValues}.
 */
final class CheckFixture implements AutoCloseable {
    final SenseSimulator sim;
    final SimulatorFiles files;
    final Path appHome;
    final DefinitionLoader loader;
    final OneShotCamel camel;

    private CheckFixture(SenseSimulator sim, Path appHome, OneShotCamel camel) {
        this.sim = sim;
        this.files = sim.files();
        this.appHome = appHome;
        this.loader = new DefinitionLoader(appHome);
        this.camel = camel;
    }

    /** A simulator writing into {@code dir}/sim and an empty app home {@code dir}/home (the packaged route). */
    static CheckFixture start(Path dir) throws Exception {
        return start(dir, ProxyEnvironment.NONE);
    }

    /** As {@link #start(Path)}, with {@code proxies} in place of the process's HTTPS_PROXY and NO_PROXY. */
    static CheckFixture start(Path dir, ProxyEnvironment proxies) throws Exception {
        SenseSimulator sim = SenseSimulator.start(dir.resolve("sim"));
        try {
            Path appHome = Files.createDirectories(dir.resolve("home"));
            CamelConfiguration beans = new CamelConfiguration() {
                @Override
                public void configure(CamelContext context) throws Exception {
                    context.getRegistry().bind("proxyEnvironment", proxies);
                    new SenseProbeBeans().configure(context);
                }
            };
            return new CheckFixture(sim, appHome, OneShotCamel.start(appHome, beans));
        } catch (Exception e) {
            sim.close();
            throw e;
        }
    }

    CheckRunner runner() {
        return camel.runner();
    }

    int port(Listener listener) {
        return sim.port(listener);
    }

    // ---- definitions ------------------------------------------------------------------------

    /** Certificate auth as INTERNAL\sa_api on localhost, with the simulator's QMC export. */
    Values cert(Listener listener) {
        return new Values()
                .with("name", "cert-" + listener.id())
                .with("target", "qseow")
                .with("host", "localhost")
                .with("port", sim.port(listener))
                .with("auth-type", "cert")
                .with("auth-user-dir", "INTERNAL")
                .with("auth-user-id", "sa_api")
                .with("auth-cert-file", files.clientCert())
                .with("auth-cert-key-file", files.clientKey())
                .with("auth-root-cert-file", files.rootCert());
    }

    /** A JWT through the simulator's virtual proxy {@value SenseSimulator#JWT_PREFIX}. */
    Values jwt(String token) {
        return new Values()
                .with("name", "jwt")
                .with("target", "qseow")
                .with("host", "localhost")
                .with("port", sim.port(Listener.JWT_PROXY))
                .with("virtual-proxy", SenseSimulator.JWT_PREFIX)
                .with("auth-type", "jwt")
                .with("auth-jwt", token)
                .with("auth-root-cert-file", files.rootCert());
    }

    /** A Qlik Cloud tenant on localhost with an API key; root.pem makes the JVM trust the simulator. */
    Values cloud(String apiKey) {
        return new Values()
                .with("name", "cloud")
                .with("target", "qscloud")
                .with("tenant-host", "localhost:" + sim.port(Listener.CLOUD))
                .with("auth-type", "apikey")
                .with("apikey", apiKey)
                .with("auth-root-cert-file", files.rootCert());
    }

    LoadResult load(Values values) {
        return loader.fromValues(values.map, "test", appHome);
    }

    /** The definition, failing the test when the loader found a problem. */
    Definition definition(Values values) {
        LoadResult loaded = load(values);
        assertTrue(loaded.ok(), () -> "definition problems: " + loaded.describeProblems(appHome));
        assertEquals(1, loaded.definitions().size());
        return loaded.definitions().get(0);
    }

    CheckResult run(Values values) {
        return runner().run(definition(values));
    }

    /** A loopback port that nothing listens on (opened and closed again). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            camel.close();
        } finally {
            sim.close();
        }
    }

    /** Definition values as the files spell them; paths are written absolute. */
    static final class Values {
        final Map<String, Object> map = new LinkedHashMap<>();

        Values with(String key, Object value) {
            map.put(key, value instanceof Path p ? p.toAbsolutePath().toString() : value);
            return this;
        }

        Values without(String key) {
            map.remove(key);
            return this;
        }
    }
}
