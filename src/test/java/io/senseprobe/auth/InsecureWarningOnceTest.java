package io.senseprobe.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.alert.LogCapture;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.definition.LoadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** secure: false is said once per connection for the life of the service, however often its context is built. */
class InsecureWarningOnceTest {
    private static final String WARNING = "secure is false";

    @TempDir
    Path home;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TlsContexts contexts = new TlsContexts(nanos::get);

    @Test
    void oneWarningPerConnectionAcrossRebuildsAfterTheUnusedSweep() throws Exception {
        Definition insecure = definition("lab", false);
        try (LogCapture log = new LogCapture()) {
            TlsMaterial first = contexts.forDefinition(insecure);
            contexts.forDefinition(insecure);
            // an idle connection's context is swept after an hour and built again on its next check
            nanos.addAndGet(TlsContexts.UNUSED_FOR.plus(Duration.ofMinutes(2)).toNanos());
            contexts.forDefinition(definition("other", true));
            assertEquals(1, contexts.size(), "the idle context of lab was swept");
            TlsMaterial rebuilt = contexts.forDefinition(insecure);
            assertNotSame(first, rebuilt, "the context was built again");
            contexts.forDefinition(insecure);

            assertEquals(List.of("lab"), warnedConnections(log), log::text);
        }
    }

    @Test
    void eachInsecureConnectionIsWarnedAboutOnceAndSecureOnesNever() throws Exception {
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                contexts.forDefinition(definition("lab-a", false));
                contexts.forDefinition(definition("lab-b", false));
                contexts.forDefinition(definition("prod", true));
            }
            assertEquals(List.of("lab-a", "lab-b"), warnedConnections(log), log::text);
        }
    }

    private static List<String> warnedConnections(LogCapture log) {
        return log.lines().stream().filter(l -> l.contains(WARNING))
                .peek(l -> assertTrue(l.startsWith("WARN"), l))
                .map(l -> l.substring(l.indexOf("Connection ") + "Connection ".length(), l.indexOf(':', l.indexOf("Connection "))))
                .toList();
    }

    private Definition definition(String name, boolean secure) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("target", "qseow");
        values.put("host", "sense.example.com");
        values.put("virtual-proxy", "jwt");
        values.put("auth-type", "jwt");
        values.put("auth-jwt", jwt());
        values.put("secure", secure);
        LoadResult loaded = new DefinitionLoader(home).fromValues(values, "test", home);
        assertTrue(loaded.ok(), () -> loaded.describeProblems(home));
        return loaded.definitions().get(0);
    }

    private static String jwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{\"sub\":\"sa_api\",\"exp\":4102444800}".getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
