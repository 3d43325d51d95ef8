package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionFixture.described;
import static io.senseprobe.definition.DefinitionFixture.lines;
import static io.senseprobe.definition.DefinitionFixture.problemKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code checks:} list: its defaults, its names (with suggestions), and checks that do not fit the connection. */
class ChecksListTest extends DefinitionTest {
    private static final String CERT = lines("name: c", "target: qseow", "host: sense.example.com",
            "auth-user-dir: INTERNAL", "auth-user-id: sa_api");
    private static final String JWT = lines("name: j", "target: qseow", "host: sense.example.com", "auth-type: jwt",
            "virtual-proxy: jwt", "auth-jwt: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqIn0.c2ln");
    private static final String CLOUD = lines("name: t", "target: qscloud", "tenant-host: t.eu.qlikcloud.com", "apikey: k");

    private Definition definition(String text) throws Exception {
        LoadResult result = fixture.load("d.yaml", text);
        assertTrue(result.ok(), described(result, appHome));
        return result.definitions().get(0);
    }

    private String problems(String text) throws Exception {
        LoadResult result = fixture.load("d.yaml", text);
        assertEquals(List.of("checks"), problemKeys(result), described(result, appHome));
        return described(result, appHome);
    }

    @Test
    void withoutTheKeyTheDefaultsAsBeforePlusThePortsGiven() throws Exception {
        assertEquals(List.of("qrs-about"), definition(CERT).checks());
        assertEquals(List.of("users-me"), definition(CLOUD).checks());
        assertEquals(List.of("qrs-about"), definition(JWT).checks());
        assertEquals(List.of("qrs-about", "engine-health"), definition(CERT + "engine-port: 4747\n").checks());
        assertEquals(List.of("qrs-about", "engine-health", "proxy"),
                definition(CERT + "engine-port: 4747\nproxy-port: 4243\n").checks());
    }

    @Test
    void theListIsWhatRuns() throws Exception {
        assertEquals(List.of("services", "engine-version", "qrs-about"),
                definition(CERT + "checks: [Services, engine-version, qrs-about]\n").checks());
        assertEquals(List.of("users-me", "tenant"), definition(CLOUD + "checks:\n  - users-me\n  - tenant\n").checks());
    }

    @Test
    void aTypoGetsASuggestion() throws Exception {
        String text = problems(CERT + "checks: [qrs-about, engine-healht]\n");
        assertTrue(text.contains("key \"checks\": unknown check \"engine-healht\". Did you mean \"engine-health\"?"), text);
    }

    @Test
    void checksOfTheOtherTargetAreRefused() throws Exception {
        String cert = problems(CERT + "checks: [tenant]\n");
        assertTrue(cert.contains("the check \"tenant\" is for qscloud connections, but this one has target qseow."), cert);
        assertTrue(cert.contains("qseow connections can run qrs-about, services, engine-health, engine-version, proxy."), cert);
        String cloud = problems(CLOUD + "checks: [services]\n");
        assertTrue(cloud.contains("the check \"services\" is for qseow connections"), cloud);
    }

    @Test
    void engineAndProxyNeedTheClientCertificate() throws Exception {
        String text = problems(JWT + "checks: [qrs-about, proxy]\n");
        assertTrue(text.contains("the check \"proxy\" needs auth-type cert"), text);
        assertEquals(List.of("qrs-about", "services"), definition(JWT + "checks: [qrs-about, services]\n").checks());

        LoadResult port = fixture.load("p.yaml", JWT + "engine-port: 4747\n");
        assertEquals(List.of("engine-port"), problemKeys(port), described(port, appHome));
        LoadResult cloud = fixture.load("q.yaml", CLOUD + "proxy-port: 4243\n");
        assertTrue(described(cloud, appHome).contains("key \"proxy-port\": belongs to qseow connections"),
                described(cloud, appHome));
    }

    @Test
    void emptyAndRepeatedListsAreRefused() throws Exception {
        assertTrue(problems(CERT + "checks: []\n").contains("key \"checks\": is an empty list."));
        assertTrue(problems(CERT + "checks: [proxy, proxy]\n").contains("names the check \"proxy\" twice."));
    }
}
