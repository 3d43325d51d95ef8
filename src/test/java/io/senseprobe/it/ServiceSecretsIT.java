package io.senseprobe.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.senseprobe.alert.RecordingReceiver;
import io.senseprobe.simulator.SenseSimulator;
import io.senseprobe.testing.SecretGrep;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ./sense-probe run} as a real process, with secrets everywhere they can be: an encrypted key and its
 * passphrase, JWTs and API keys (working and expired) in the inventory and the inbox, webhook URLs whose paths are
 * tokens, an SMTP login. After a few ticks and alerts on every destination, no secret may be in stdout, stderr, any
 * file the service wrote, or anything a receiver got. Each run must have exercised the alerts (and, at silly, the
 * wire log), so the test cannot pass by doing nothing.
 */
class ServiceSecretsIT extends SimulatorIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WRONG_PASSPHRASE = "wrong-Passphrase-4711";
    private static final String SMTP_USER = "probe";
    private static final String SMTP_PASSWORD = "smtp-Secret-Pw-913";
    private static final String SLACK_TOKEN = "XXXXsecretSLACKtoken";
    private static final String TEAMS_SIG = "secretTEAMSsig42";
    private static final String HOOK_TOKEN = "secretHOOKtoken77";
    /** A named webhook (sense.alert.destinations.customer-a.*, given as environment variables only). */
    private static final String NAMED_TOKEN = "secretNAMEDtoken31";
    private static final String STATUS_USER = "ops";
    private static final String STATUS_PASSWORD = "status-Secret-Pw-208";
    /** What the inventory's ${env:...} JWT reference reads. */
    private static final String JWT_VARIABLE = "SENSE_IT_SECRET_JWT";
    /** An environment value an inbox file tries to read through host: ${env:...}; it must never be read. */
    private static final String INBOX_VARIABLE = "SENSE_IT_INBOX_SECRET";
    private static final String INBOX_SECRET = "inbox-env-Secret-5150";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("probe@example.com", SMTP_USER, SMTP_PASSWORD));

    static String expiredJwt;
    static String expiredApiKey;
    static String expiringJwt;

    @BeforeAll
    static void mintExpiredTokens() {
        expiredJwt = sim.sim.expiredJwt();
        expiredApiKey = sim.sim.mintApiKey(Instant.now().minusSeconds(3600));
        expiringJwt = sim.sim.mintJwt("RS256", Instant.now().plus(Duration.ofDays(3)));
    }

    @Test
    void noSecretAnywhereAfterARunAtSillyStoppedWithSigterm() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver()) {
            Path home = appHome("silly");
            Launcher.Background service = launcher(home, receiver, "silly").background();
            awaitOrStop(service, "alerts on every destination and both inbox reports", () ->
                    hookAlerts(receiver, "jwt-expired").contains("reminder")
                            && hookAlerts(receiver, "jwt-soon").contains("expiring")
                            && hookAlerts(receiver, "apikey-expired").contains("failing")
                            && hookAlerts(receiver, "broken.yaml").contains("failing")
                            && !receiver.requests(slackPath()).isEmpty() && !receiver.requests(teamsPath()).isEmpty()
                            && !receiver.requests(namedPath()).isEmpty()
                            && greenMail.getReceivedMessages().length >= 3
                            && count(home.resolve("inbox/.done"), ".result.json") == 3
                            && count(home.resolve("inbox/.error"), ".error.txt") == 3);
            Map<String, String> served = served(service);
            Launcher.Run run = service.stop(false);

            assertTrue(run.err().contains("http-outgoing"), () -> "no wire log at silly:\n" + run.describe());
            assertTrue(run.err().contains("Authorization: Bearer ***"), () -> "no masked bearer in the wire log:\n" + run.describe());
            assertTrue(run.out().contains("FAILED jwt-expired"), run::describe);
            assertTrue(run.out().contains("OK cert-ok"), run::describe);
            assertTrue(run.out().contains("OK jwt-reference") && run.out().contains("OK apikey-reference"), run::describe);
            assertTrue(inboxError(home, "in-reference").contains("sense.inbox.allow-secret-refs"), () -> inboxError(home, "in-reference"));
            assertNoSecret(run, home, receiver, served);
        }
    }

    @Test
    void noSecretAnywhereAfterARunAtInfoKilledWithSigkillWhileReceiversAreDown() throws Exception {
        try (RecordingReceiver receiver = new RecordingReceiver()) {
            receiver.answer(500);
            Path home = appHome("info");
            Launcher.Background service = launcher(home, receiver, "info").background();
            awaitOrStop(service, "a mail, failed webhook calls, undelivered alerts and both inbox reports", () ->
                    greenMail.getReceivedMessages().length >= 3 && !receiver.requests(hookPath()).isEmpty()
                            && count(home.resolve("out/undelivered"), "-webhook.json") > 0
                            && count(home.resolve("out/undelivered"), "-customer-a.json") > 0
                            && count(home.resolve("inbox/.done"), ".result.json") == 3
                            && count(home.resolve("inbox/.error"), ".error.txt") == 3
                            // status.json is coalesced (sense.status.write-interval): wait for its first write
                            && Files.exists(home.resolve("out/status.json")));
            Map<String, String> served = served(service);
            Launcher.Run run = service.stop(true);

            assertFalse(run.err().contains("http-outgoing"), () -> "wire log at info:\n" + run.describe());
            assertTrue(run.err().contains("Could not send"), () -> "the failed deliveries were not logged:\n" + run.describe());
            assertNoSecret(run, home, receiver, served);
        }
    }

    // --- the app home ----------------------------------------------------------------------------------------

    /** Connections (working and failing, one file broken) and an inbox of the same kinds. */
    private static Path appHome(String name) {
        Path home = dir.resolve(name);
        Path connections = home.resolve("connections");
        Sim.write(connections.resolve("cert-ok.yaml"), sim.encryptedCertYaml("cert-ok", SenseSimulator.KEY_PASSPHRASE));
        Sim.write(connections.resolve("cert-wrong-passphrase.yaml"), sim.encryptedCertYaml("cert-wrong-passphrase", WRONG_PASSPHRASE));
        Sim.write(connections.resolve("jwt-ok.yaml"), sim.jwtYaml("jwt-ok", sim.sim.validJwt()));
        Sim.write(connections.resolve("jwt-expired.yaml"), sim.jwtYaml("jwt-expired", expiredJwt));
        // a warning: its expiring alert and record must not repeat the token either
        Sim.write(connections.resolve("jwt-soon.yaml"), sim.jwtYaml("jwt-soon", expiringJwt));
        Sim.write(connections.resolve("apikey-ok.yaml"), sim.cloudYaml("apikey-ok", sim.sim.apiKey()));
        // its alerts also go to the named webhook and the named e-mail
        Sim.write(connections.resolve("apikey-expired.yaml"), sim.cloudYaml("apikey-expired", expiredApiKey).stripTrailing()
                + "\nalert-to: [webhook, slack, teams, email, customer-a, customer-a-mail]\n");
        // secrets through references: the environment, and a file outside the app home's searched files
        Sim.write(connections.resolve("jwt-reference.yaml"), sim.jwtYaml("jwt-reference", "${env:" + JWT_VARIABLE + "}"));
        Path apiKeyFile = Sim.write(dir.resolve(name + "-secrets/apikey.txt"), sim.sim.apiKey() + "\n");
        Sim.write(connections.resolve("apikey-reference.yaml"), sim.cloudYaml("apikey-reference", "${file:" + apiKeyFile + "}"));
        // invalid (no host), with a token in it: its alert and error file must not repeat the token
        Sim.write(connections.resolve("broken.yaml"), "name: broken\ntarget: qseow\nauth-type: jwt\nauth-jwt: "
                + sim.sim.validJwt() + "\nauth-cert-key-passphrase: " + WRONG_PASSPHRASE + "\n");

        Path inbox = home.resolve("inbox");
        Sim.write(inbox.resolve("in-cert.yaml"), sim.encryptedCertYaml("in-cert", SenseSimulator.KEY_PASSPHRASE));
        Sim.write(inbox.resolve("in-cert-wrong-passphrase.yaml"), sim.encryptedCertYaml("in-cert-wrong-passphrase", WRONG_PASSPHRASE));
        Sim.write(inbox.resolve("in-jwt.yaml"), sim.jwtYaml("in-jwt", expiredJwt));
        Sim.write(inbox.resolve("in-apikey.yaml"), sim.cloudYaml("in-apikey", sim.sim.apiKey()));
        Sim.write(inbox.resolve("in-broken.yaml"), "name: in-broken\ntarget: qscloud\nauth-type: apikey\napikey: "
                + expiredApiKey + "\n");
        // whoever writes to the inbox may not read the service's environment (sense.inbox.allow-secret-refs=false)
        Sim.write(inbox.resolve("in-reference.yaml"), sim.jwtYaml("in-reference", sim.sim.validJwt())
                .replace("host: localhost", "host: ${env:" + INBOX_VARIABLE + "}"));
        return home;
    }

    private static Launcher launcher(Path home, RecordingReceiver receiver, String level) {
        return Launcher.args("run", "--log-level", level).cwd(home)
                .env("SENSE_PROBE_HOME", home.toString())
                .env("CAMEL_MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT))
                .env("CAMEL_SERVER_PORT", String.valueOf(STATUS_PORT))
                .env("SENSE_STATUS_USERNAME", STATUS_USER)
                .env("SENSE_STATUS_PASSWORD", STATUS_PASSWORD)
                .env(JWT_VARIABLE, sim.sim.validJwt())
                .env(INBOX_VARIABLE, INBOX_SECRET)
                .env("CAMEL_MAIN_SHUTDOWN_TIMEOUT", "5")
                .env("SENSE_CHECK_INTERVAL", "500ms")
                .env("SENSE_INBOX_SETTLE", "200ms")
                // the inbox files name the simulator's certificates, which lie outside the app home
                .env("SENSE_INBOX_ALLOWED_PATHS", sim.files.dir().toString())
                .env("SENSE_ALERT_FAILURE_THRESHOLD", "1")
                .env("SENSE_ALERT_RATE_LIMIT", "0")
                .env("SENSE_ALERT_REMINDER_INTERVAL", "1s")
                .env("SENSE_ALERT_SLACK_URL", receiver.url(slackPath()))
                .env("SENSE_ALERT_TEAMS_URL", receiver.url(teamsPath()) + "?sig=" + TEAMS_SIG)
                .env("SENSE_ALERT_WEBHOOK_URL", receiver.url(hookPath()))
                .env("SENSE_ALERT_EMAIL_HOST", "127.0.0.1")
                .env("SENSE_ALERT_EMAIL_PORT", String.valueOf(greenMail.getSmtp().getPort()))
                .env("SENSE_ALERT_EMAIL_FROM", "probe@example.com")
                .env("SENSE_ALERT_EMAIL_TO", "ops@example.com")
                .env("SENSE_ALERT_EMAIL_USERNAME", SMTP_USER)
                .env("SENSE_ALERT_EMAIL_PASSWORD", SMTP_PASSWORD)
                // grouped messages too: connections failing within a second go out together
                .env("SENSE_ALERT_GROUP_WAIT", "1s")
                .env("SENSE_ALERT_DESTINATIONS_CUSTOMER_A_TYPE", "webhook")
                .env("SENSE_ALERT_DESTINATIONS_CUSTOMER_A_URL", receiver.url(namedPath()))
                .env("SENSE_ALERT_DESTINATIONS_CUSTOMER_A_MAIL_TYPE", "email")
                .env("SENSE_ALERT_DESTINATIONS_CUSTOMER_A_MAIL_HOST", "127.0.0.1")
                .env("SENSE_ALERT_DESTINATIONS_CUSTOMER_A_MAIL_PORT", String.valueOf(greenMail.getSmtp().getPort()))
                .env("SENSE_ALERT_DESTINATIONS_CUSTOMER_A_MAIL_FROM", "probe@example.com")
                .env("SENSE_ALERT_DESTINATIONS_CUSTOMER_A_MAIL_TO", "noc@customer-a.example")
                .env("SENSE_ALERT_DESTINATIONS_CUSTOMER_A_MAIL_USERNAME", SMTP_USER)
                .env("SENSE_ALERT_DESTINATIONS_CUSTOMER_A_MAIL_PASSWORD", SMTP_PASSWORD);
    }

    private static String slackPath() {
        return "/services/T000/B000/" + SLACK_TOKEN;
    }

    private static String teamsPath() {
        return "/workflows/a1b2c3/triggers/manual/paths/invoke";
    }

    private static String hookPath() {
        return "/hooks/" + HOOK_TOKEN;
    }

    private static String namedPath() {
        return "/customer-a/" + NAMED_TOKEN;
    }

    // --- the secrets -----------------------------------------------------------------------------------------

    /** Every secret, by what it is (for the failure message). */
    private static Map<String, String> secrets(RecordingReceiver receiver) {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("key passphrase", SenseSimulator.KEY_PASSPHRASE);
        secrets.put("wrong key passphrase", WRONG_PASSPHRASE);
        Map<String, String> tokens = Map.of("valid JWT", sim.sim.validJwt(), "expired JWT", expiredJwt,
                "API key", sim.sim.apiKey(), "expired API key", expiredApiKey, "expiring JWT", expiringJwt);
        tokens.forEach((what, token) -> {
            secrets.put(what, token);
            secrets.put(what + " signature", token.substring(token.lastIndexOf('.') + 1));
        });
        secrets.put("SMTP password", SMTP_PASSWORD);
        secrets.put("SMTP password, base64 (AUTH LOGIN)", base64(SMTP_PASSWORD));
        secrets.put("SMTP login, base64 (AUTH PLAIN)", base64("\0" + SMTP_USER + "\0" + SMTP_PASSWORD));
        secrets.put("Slack URL", receiver.url(slackPath()));
        secrets.put("Slack path", slackPath());
        secrets.put("Slack token", SLACK_TOKEN);
        secrets.put("Teams URL", receiver.url(teamsPath()) + "?sig=" + TEAMS_SIG);
        secrets.put("Teams signature", TEAMS_SIG);
        secrets.put("webhook URL", receiver.url(hookPath()));
        secrets.put("webhook path", hookPath());
        secrets.put("webhook token", HOOK_TOKEN);
        secrets.put("named webhook URL", receiver.url(namedPath()));
        secrets.put("named webhook path", namedPath());
        secrets.put("named webhook token", NAMED_TOKEN);
        secrets.put("status page password", STATUS_PASSWORD);
        secrets.put("status page login, base64", base64(STATUS_USER + ":" + STATUS_PASSWORD));
        secrets.put("environment value an inbox file referenced", INBOX_SECRET);
        return secrets;
    }

    private static void assertNoSecret(Launcher.Run run, Path home, RecordingReceiver receiver,
            Map<String, String> served) throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("stdout", run.out());
        texts.put("stderr", run.err());
        texts.putAll(served);
        assertTrue(served.get("GET /api/status").contains("jwt-expired"), served::toString);
        assertTrue(served.get("GET /observe/metrics").contains("sense_probe_check_up"), served::toString);
        // the packaged jar serves the page and its script (camel-language reads them from the class path)
        assertTrue(served.get("GET /").contains("<title>sense-probe status</title>"), served::toString);
        assertTrue(served.get("GET /status.js").contains("textContent"), served::toString);
        List<String> written = writtenFiles(home);
        for (String file : written) {
            texts.put(file, Files.readString(home.resolve(file), StandardCharsets.UTF_8));
        }
        for (String path : List.of(slackPath(), teamsPath(), hookPath(), namedPath())) {
            List<RecordingReceiver.Request> requests = receiver.requests(path);
            for (int i = 0; i < requests.size(); i++) {
                texts.put("POST " + path + " #" + i, requests.get(i).body());
            }
        }
        MimeMessage[] mails = greenMail.getReceivedMessages();
        for (int i = 0; i < mails.length; i++) {
            texts.put("mail #" + i, GreenMailUtil.getWholeMessage(mails[i]));
        }
        // the run wrote what there is to search
        for (String expected : List.of("out/status.json", "out/alert-state.json", "out/errors/broken.yaml.error.txt")) {
            assertTrue(written.contains(expected), () -> expected + " missing; written: " + written + "\n" + run.describe());
        }
        assertTrue(written.stream().anyMatch(f -> f.startsWith("out/results/")), written::toString);

        SecretGrep grep = new SecretGrep();
        secrets(receiver).forEach(grep::secret);
        texts.forEach(grep::text);
        grep.assertClean(run.describe());
    }

    /** Every file the service wrote under the app home (relative, with /); the definitions themselves hold secrets. */
    private static List<String> writtenFiles(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> home.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !(f.startsWith("connections/") || f.startsWith("inbox/")) || !f.endsWith(".yaml"))
                    .sorted().toList();
        }
    }

    // --- the status page and the management server ---------------------------------------------------------

    private static final int MANAGEMENT_PORT = freePort();
    private static final int STATUS_PORT = freePort();

    /** What the running service serves: the status page (with its login), health and metrics. */
    private static Map<String, String> served(Launcher.Background service) throws InterruptedException {
        Map<String, String> served = new LinkedHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        String login = "Basic " + base64(STATUS_USER + ":" + STATUS_PASSWORD);
        for (String path : List.of("/", "/status.js", "/api/status", "/observe/health", "/observe/metrics")) {
            int port = path.startsWith("/observe/") ? MANAGEMENT_PORT : STATUS_PORT;
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", login).build(), HttpResponse.BodyHandlers.ofString());
                served.put("GET " + path, answer.headers().map() + "\n" + answer.body());
            } catch (IOException e) {
                Launcher.Run run = service.stop(true);
                throw new AssertionError("GET " + path + " failed: " + e + "\n" + run.describe());
            }
        }
        return served;
    }

    /**
     * A free port below Linux's ephemeral range (32768+): the simulator's many listeners bind port 0 after this, and
     * the kernel hands a just-freed ephemeral port out again, so a port 0 pick here ended up under a simulator fault
     * listener (answering the health check with " ").
     */
    private static int freePort() {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20000 + random.nextInt(10000);
            try (ServerSocket free = new ServerSocket(candidate)) {
                return free.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between 20000 and 30000"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static List<String> hookAlerts(RecordingReceiver receiver, String connection) {
        // a grouped message lists its connections' records under "alerts"
        return receiver.bodies(hookPath()).stream()
                .flatMap(b -> b.has("alerts") ? java.util.stream.StreamSupport.stream(b.get("alerts").spliterator(), false)
                        : java.util.stream.Stream.of(b))
                .filter(b -> connection.equals(b.path("connection").asText()))
                .map(b -> b.path("alert").asText()).toList();
    }

    private static String inboxError(Path home, String name) {
        try (Stream<Path> files = Files.list(home.resolve("inbox/.error"))) {
            Path report = files.filter(f -> f.getFileName().toString().startsWith(name) && f.toString().endsWith(".error.txt"))
                    .findFirst().orElseThrow();
            return Files.readString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits for the condition; on a timeout (or an early exit) stops the service and shows what it wrote. */
    private static void awaitOrStop(Launcher.Background service, String what, BooleanSupplier condition)
            throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end || !service.isAlive()) {
                Launcher.Run run = service.stop(true);
                throw new AssertionError("Waited in vain for " + what + "\n" + run.describe());
            }
            Thread.sleep(100);
        }
    }
}
