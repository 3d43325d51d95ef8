package io.senseprobe.it;

import static io.senseprobe.it.ExitCodesIT.assertNoStackTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.simulator.ClientCredential;
import io.senseprobe.simulator.Listener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Expiry warnings and expired material as a user meets them on the command line. */
class ExpiryIT extends SimulatorIT {
    @Test
    void connectionTestWithAJwtNearItsEndWarnsAndExitsZero() {
        String token = sim.sim.mintJwt("RS256", Instant.now().plus(Duration.ofDays(5)).plusSeconds(600));

        Launcher.Run run = Launcher.args(sim.jwtTest("--auth-jwt", token, "--json")).run();

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.err().contains("Successfully connected"), run::describe);
        assertTrue(run.err().contains("Warning: expiring\n  The JWT expires on "), run::describe);
        assertTrue(run.err().contains("(5 days left)."), run::describe);
        JsonNode record = JsonOutputIT.records(run, 1).get(0);
        assertEquals("warning", record.get("status").asText());
        assertEquals("expiring", record.get("category").asText());
        assertEquals("jwt", record.get("credentials").get(0).get("kind").asText());
        assertEquals(5, record.get("credentials").get(0).get("daysLeft").asInt());
        assertFalse(run.out().contains(token) || run.err().contains(token), "the token is never printed");
    }

    @Test
    void checkPrintsWarningAndCredentialExpiredLines() {
        Path folder = dir.resolve("expiry");
        ClientCredential soon = sim.sim.issueClientCredential(folder.resolve("soon"), Instant.now().plus(Duration.ofDays(3)));
        Sim.write(folder.resolve("soon.yaml"), sim.certYaml("soon")
                .replace(sim.files.clientCert().toString(), soon.certFile().toString())
                .replace(sim.files.clientKey().toString(), soon.keyFile().toString()));
        Sim.write(folder.resolve("old-key.yaml"), sim.cloudYaml("old-key", sim.sim.mintApiKey(Instant.now().minusSeconds(60))));

        Launcher.Run run = Launcher.args("check", folder.toString()).run();

        assertEquals(1, run.exitCode(), run::describe);
        assertTrue(run.out().contains("WARNING soon qseow localhost:"), run::describe);
        assertTrue(run.out().contains(" — The client certificate CN=QlikClient expires on "), run::describe);
        assertTrue(run.out().contains("FAILED old-key credential-expired: The API key expired on "), run::describe);
        assertNoStackTrace(run);
    }

    @Test
    void aJwtThatIsNotAJwtStopsBeforeConnecting() {
        int sent = sim.sim.requests(Listener.JWT_PROXY).size();
        Launcher.Run run = Launcher.args(sim.jwtTest("--auth-jwt", "Bearer " + sim.sim.validJwt())).run();

        assertEquals(2, run.exitCode(), run::describe);
        assertTrue(run.out().contains("is not a JWT: it starts with \"Bearer \""), run::describe);
        assertEquals(sent, sim.sim.requests(Listener.JWT_PROXY).size(), "nothing was sent");
        assertNoStackTrace(run);
    }
}
