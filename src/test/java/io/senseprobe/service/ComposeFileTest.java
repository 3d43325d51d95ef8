package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml and the Dockerfile agree with the repository and with config/application.properties. */
class ComposeFileTest {
    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path PROPERTIES = Path.of("config/application.properties");
    private static final Pattern KEY_LINE = Pattern.compile("^#?\\s*([a-z][a-z0-9.-]*)\\s*=");

    static JsonNode compose;

    @BeforeAll
    static void read() throws IOException {
        compose = new YAMLMapper().readTree(COMPOSE.toFile());
    }

    private static JsonNode service(String name) {
        JsonNode service = compose.path("services").get(name);
        assertNotNull(service, "no service " + name + " in " + COMPOSE);
        return service;
    }

    @Test
    void theServiceTheSimulatorAndMailpitAreThere() {
        service("sense-probe");
        service("sense-sim");
        service("mailpit");
        assertEquals(".", service("sense-probe").path("build").asText(), "sense-probe is built from this repository");
    }

    @Test
    void theSimulatorRunsTheBuiltImageWithoutPullingIt() {
        String image = service("sense-probe").path("image").asText();
        assertEquals(image, service("sense-sim").path("image").asText());
        assertTrue(service("sense-sim").has("build") || "never".equals(service("sense-sim").path("pull_policy").asText()),
                "sense-sim would try to pull " + image + " from a registry");
    }

    @Test
    void everyBindMountedHostFolderIsInTheRepository() {
        List<String> mounted = new ArrayList<>();
        for (JsonNode service : compose.path("services")) {
            for (JsonNode volume : service.path("volumes")) {
                String host = volume.asText().split(":")[0];
                if (host.startsWith(".") || host.startsWith("/")) {
                    mounted.add(host);
                    assertTrue(Files.isDirectory(Path.of(host)), host + " is mounted but not in the repository");
                    assertTrue(isTracked(Path.of(host)), host + " has no committed file (.gitkeep) in it");
                }
            }
        }
        assertTrue(mounted.containsAll(List.of("./config", "./connections", "./inbox", "./out")), mounted.toString());
    }

    @Test
    void everyDockerfileCopySourceExists() throws IOException {
        List<String> sources = new ArrayList<>();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("COPY") && !words[1].startsWith("--from=")) {
                for (int i = 1; i < words.length - 1; i++) {
                    sources.add(words[i]);
                    assertTrue(Files.exists(Path.of(words[i])), "COPY " + words[i] + ": not in the repository");
                }
            }
        }
        assertTrue(sources.containsAll(List.of("pom.xml", "src", "routes", "config")), sources.toString());
    }

    @Test
    void theHealthCheckAsksCamelsManagementPortForObserveHealth() throws IOException {
        String url = null;
        for (JsonNode word : service("sense-probe").path("healthcheck").path("test")) {
            if (word.asText().startsWith("http")) {
                url = word.asText();
            }
        }
        assertNotNull(url, "no URL in the health check");
        URI uri = URI.create(url);
        String port = properties().getProperty("camel.management.port");
        assertEquals(port, String.valueOf(uri.getPort()), url);
        assertEquals("/observe/health", uri.getPath());
        assertTrue(texts(service("sense-probe").path("ports")).contains(port + ":" + port));
        assertTrue(Files.readString(DOCKERFILE).matches("(?s).*EXPOSE [0-9 ]*\\b" + port + "\\b.*"), "EXPOSE " + port);
    }

    @Test
    void theServersListenOnLoopbackByDefaultAndOnEveryAddressInTheContainer() throws IOException {
        Properties defaults = properties();
        assertEquals("127.0.0.1", defaults.getProperty("camel.management.host"));
        assertEquals("127.0.0.1", defaults.getProperty("camel.server.host"));
        Map<String, String> env = environment(service("sense-probe"));
        assertEquals("0.0.0.0", env.get("CAMEL_MANAGEMENT_HOST"), "the health check and metrics port");
        assertEquals("0.0.0.0", env.get("CAMEL_SERVER_HOST"), "the status page");
        String port = defaults.getProperty("camel.server.port");
        assertTrue(texts(service("sense-probe").path("ports")).contains(port + ":" + port));
        assertTrue(Files.readString(DOCKERFILE).matches("(?s).*EXPOSE [0-9 ]*\\b" + port + "\\b.*"), "EXPOSE " + port);
    }

    @Test
    void everySenseEnvironmentVariableIsAConfigurationKey() throws IOException {
        Set<String> keys = configuredKeys();
        Set<String> variables = new TreeSet<>();
        for (JsonNode service : compose.path("services")) {
            variables.addAll(environment(service).keySet());
        }
        assertTrue(variables.contains("SENSE_ALERT_EMAIL_HOST"), variables.toString());
        for (String variable : variables) {
            // SENSE_PROBE_* is the launcher's and the command line's namespace (SENSE_PROBE_HOME), not a service key
            if (variable.startsWith("SENSE_") && !variable.startsWith("SENSE_PROBE_")) {
                String key = variable.toLowerCase(Locale.ROOT).replace('_', '.');
                assertTrue(keys.contains(key) || keys.contains(dashed(key, keys)),
                        variable + " sets no key of " + PROPERTIES + " (looked for " + key + ")");
            }
        }
    }

    @Test
    void mailGoesToMailpitWhoseWebUiIsPublished() {
        Map<String, String> env = environment(service("sense-probe"));
        assertEquals("mailpit", env.get("SENSE_ALERT_EMAIL_HOST"));
        assertEquals("1025", env.get("SENSE_ALERT_EMAIL_PORT"), "Mailpit's SMTP port");
        assertTrue(texts(service("mailpit").path("ports")).contains("8025:8025"), "Mailpit's web UI");
        assertTrue(texts(service("sense-probe").path("depends_on")).contains("mailpit")
                || service("sense-probe").path("depends_on").has("mailpit"));
    }

    @Test
    void theSimulatorListensOnEveryAddressAndNamesItselfInTheExamples() {
        List<String> command = texts(service("sense-sim").path("command"));
        assertEquals("simulator", command.get(0));
        assertEquals("0.0.0.0", command.get(command.indexOf("--bind-address") + 1), command.toString());
        assertEquals("sense-sim", command.get(command.indexOf("--example-host") + 1), command.toString());
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** The keys of the properties file, commented-out ones included (they document the optional keys). */
    private static Set<String> configuredKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(PROPERTIES)) {
            Matcher m = KEY_LINE.matcher(line);
            if (m.find()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }

    /** sense.alert.failure.threshold stands for sense.alert.failure-threshold: dashes become underscores too. */
    private static String dashed(String dotted, Set<String> keys) {
        return keys.stream().filter(k -> k.replace('-', '.').equals(dotted)).findFirst().orElse(dotted);
    }

    private static Properties properties() throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(PROPERTIES)));
        return p;
    }

    /** A service's environment, written as a map or as a list of NAME=value. */
    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new TreeMap<>();
        JsonNode node = service.path("environment");
        if (node.isArray()) {
            node.forEach(n -> env.put(n.asText().split("=", 2)[0], n.asText().contains("=") ? n.asText().split("=", 2)[1] : ""));
        } else {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        return env;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static boolean isTracked(Path folder) {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "--", folder.toString()).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes());
            return git.waitFor() == 0 && !out.isBlank();
        } catch (IOException e) {
            return true; // no git (e.g. a source tarball): the folder exists, which is what the build needs
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
