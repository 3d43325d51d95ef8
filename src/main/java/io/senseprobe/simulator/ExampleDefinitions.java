package io.senseprobe.simulator;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Connection definitions (the project's kebab-case YAML) pointing at a running simulator: one per listener, plus a few faults. */
final class ExampleDefinitions {
    /** The first line of each example: editors with the YAML language server then complete keys and flag typos. */
    static final String SCHEMA_LINE = "# yaml-language-server: $schema=../config/sense-probe-definition.schema.json";
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private ExampleDefinitions() {
    }

    static List<Path> write(SenseSimulator sim, String host, Path folder) throws IOException {
        Files.createDirectories(folder);
        SimulatorFiles f = sim.files();
        List<Path> written = new ArrayList<>();
        for (Listener listener : Listener.values()) {
            Map<String, Object> def = switch (listener) {
                case JWT_PROXY -> jwt(sim, host, "sim-jwt-proxy", SenseSimulator.JWT_PREFIX, sim.validJwt());
                case CLOUD -> cloud(sim, host, "sim-cloud", sim.apiKey());
                case QPS -> with(cert(sim, host, "sim-qps", Listener.QRS, f.clientCert(), f.clientKey()),
                        "proxy-port", sim.port(Listener.QPS));
                case ENGINE -> with(cert(sim, host, "sim-engine", Listener.QRS, f.clientCert(), f.clientKey()),
                        "engine-port", sim.port(Listener.ENGINE));
                case SLOW -> with(cert(sim, host, "sim-slow", listener, f.clientCert(), f.clientKey()), "timeout", "2s");
                case TRICKLE -> with(cert(sim, host, "sim-trickle", listener, f.clientCert(), f.clientKey()), "timeout", "2s");
                case SLOW_HEADERS, TLS_STALL -> with(cert(sim, host, "sim-" + listener.id(), listener, f.clientCert(),
                        f.clientKey()), "timeout", "2s");
                default -> cert(sim, host, "sim-" + listener.id(), listener, f.clientCert(), f.clientKey());
            };
            written.add(write(folder, def, describe(listener)));
        }
        written.add(write(folder, with(cert(sim, host, "sim-qrs-encrypted-key", Listener.QRS, f.clientCert(),
                f.clientKeyLegacyEncrypted()), "auth-cert-key-passphrase", SenseSimulator.KEY_PASSPHRASE),
                "QRS with the key exported with a password (legacy Proc-Type: 4,ENCRYPTED): works."));
        Map<String, Object> allChecks = with(with(cert(sim, host, "sim-all-checks", Listener.QRS, f.clientCert(),
                f.clientKey()), "engine-port", sim.port(Listener.ENGINE)), "proxy-port", sim.port(Listener.QPS));
        written.add(write(folder, with(allChecks, "checks", List.of("qrs-about", "services", "engine-health",
                "engine-version", "proxy")), "Every client-managed check: repository, services of both nodes, engine"
                + " health and JSON-RPC, proxy sessions; one result each."));
        written.add(write(folder, with(cloud(sim, host, "sim-cloud-tenant", sim.apiKey()), "checks",
                List.of("users-me", "tenant")), "Qlik Cloud: the API key's user, then its tenant."));
        written.add(write(folder, cert(sim, host, "sim-qrs-other-ca-client", Listener.QRS, f.otherCaClientCert(),
                f.otherCaClientKey()), "QRS with a client certificate from another site: the server refuses it."));
        written.add(write(folder, with(cert(sim, host, "sim-qrs-ip-host", Listener.QRS, f.clientCert(), f.clientKey()),
                "host", "127.0.0.1"), "QRS by IP address: the server certificate names only localhost and sense-sim."));
        written.add(write(folder, jwt(sim, host, "sim-jwt-expired", SenseSimulator.JWT_PREFIX, sim.expiredJwt()),
                "JWT that expired: found before it is sent (credential-expired)."));
        written.add(write(folder, jwt(sim, host, "sim-jwt-description-not-prefix", "JWT-Proxy", sim.validJwt()),
                "Virtual proxy description typed instead of its prefix: a bare 404."));
        written.add(write(folder, cloud(sim, host, "sim-cloud-expired-key",
                sim.mintApiKey(Instant.now().minus(Duration.ofDays(1)))), "API key that expired yesterday: found before it is sent (credential-expired)."));
        return written;
    }

    private static Map<String, Object> cert(SenseSimulator sim, String host, String name, Listener listener, Path cert, Path key) {
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("name", name);
        def.put("target", "qseow");
        def.put("host", host);
        def.put("port", sim.port(listener));
        def.put("auth-type", "cert");
        def.put("auth-user-dir", "INTERNAL");
        def.put("auth-user-id", "sa_api");
        def.put("auth-cert-file", cert.toString());
        def.put("auth-cert-key-file", key.toString());
        def.put("auth-root-cert-file", sim.files().rootCert().toString());
        return def;
    }

    private static Map<String, Object> jwt(SenseSimulator sim, String host, String name, String prefix, String token) {
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("name", name);
        def.put("target", "qseow");
        def.put("host", host);
        def.put("port", sim.port(Listener.JWT_PROXY));
        def.put("virtual-proxy", prefix);
        def.put("auth-type", "jwt");
        def.put("auth-jwt", token);
        def.put("auth-root-cert-file", sim.files().rootCert().toString());
        return def;
    }

    private static Map<String, Object> cloud(SenseSimulator sim, String host, String name, String key) {
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("name", name);
        def.put("target", "qscloud");
        def.put("tenant-host", host + ":" + sim.port(Listener.CLOUD));
        def.put("auth-type", "apikey");
        def.put("apikey", key);
        def.put("auth-root-cert-file", sim.files().rootCert().toString());
        return def;
    }

    private static Map<String, Object> with(Map<String, Object> def, String key, Object value) {
        def.put(key, value);
        return def;
    }

    private static String describe(Listener listener) {
        return switch (listener) {
            case QRS -> "Repository service with the QMC certificate export: works.";
            case QPS -> "Repository plus the proxy API port (proxy-port).";
            case ENGINE -> "Repository plus the engine health check port (engine-port).";
            case JWT_PROXY -> "JWT through the virtual proxy '" + SenseSimulator.JWT_PREFIX + "': works.";
            case CLOUD -> "Qlik Cloud tenant with an API key (root.pem trusts the simulator's certificate): works.";
            case EXPIRED_CERT -> "The server certificate expired yesterday.";
            case OTHER_CA -> "The server certificate comes from another CA than root.pem.";
            case ERROR_500 -> "The server answers 500.";
            case NOT_JSON -> "The server answers 200 with an HTML page.";
            case SLOW -> "The server answers after 5 s; the timeout is 2 s.";
            case RATE_LIMITED -> "Every other request gets 429 with retry-after: 1.";
            case REDIRECT -> "The server redirects to another origin; the client must not follow with its credentials.";
            case REDIRECT_TARGET -> "A normal repository: the redirect target. Works when called directly.";
            case TRICKLE -> "The server sends its answer one byte a second; the timeout is 2 s.";
            case RESET -> "The connection is reset right after it opens.";
            case ENDLESS_BODY -> "The server's answer never ends: sense-probe stops reading at 1 MiB (bad-response).";
            case TRUNCATED_JSON -> "The server's JSON stops halfway (bad-response).";
            case SLOW_HEADERS -> "The server sends its headers one byte every 100 ms, forever; the timeout is 2 s.";
            case HEADER_FLOOD -> "The server sends headers without end: sense-probe stops at 100 (bad-response).";
            case TLS_STALL -> "The server reads the TLS ClientHello and never answers; the timeout is 2 s.";
            case CUT_SHORT -> "The server announces 400 bytes, sends 20 and closes the connection (bad-response).";
            case GZIP_BOMB -> "The server's gzip answer unpacks to 16 MiB: sense-probe stops at 1 MiB (bad-response).";
        };
    }

    private static Path write(Path folder, Map<String, Object> def, String comment) throws IOException {
        Path file = folder.resolve(def.get("name") + ".yaml");
        Files.writeString(file, SCHEMA_LINE + "\n# " + comment + "\n" + YAML.writeValueAsString(def), StandardCharsets.UTF_8);
        // they hold tokens and passphrases: owner-only, so sense-probe has no reason to warn about them
        io.senseprobe.files.AtomicFiles.makePrivate(file);
        return file;
    }
}
