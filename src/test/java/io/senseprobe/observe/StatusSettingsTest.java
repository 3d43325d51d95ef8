package io.senseprobe.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.logging.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusSettingsTest {
    private static StatusSettings read(Map<String, String> keys, List<String> problems) {
        return StatusSettings.from(keys::get, problems);
    }

    @Test
    void noLoginByDefaultAndTheLoginWithBoth() {
        List<String> problems = new ArrayList<>();
        assertFalse(read(Map.of(), problems).authRequired());
        StatusSettings both = read(Map.of(StatusSettings.USERNAME, "ops", StatusSettings.PASSWORD, "pw-Status-1234"), problems);
        assertEquals(List.of(), problems);
        assertTrue(both.authRequired());
        assertFalse(both.toString().contains("pw-Status-1234"), both.toString());
        assertEquals("password ***", Secrets.redact("password pw-Status-1234"), "registered for masking");
    }

    @Test
    void halfALoginOrAColonIsAProblemNamingTheKeysAndTheFix() {
        List<String> problems = new ArrayList<>();
        assertFalse(read(Map.of(StatusSettings.USERNAME, "ops"), problems).authRequired());
        read(Map.of(StatusSettings.PASSWORD, "pw-Status-5678"), problems);
        read(Map.of(StatusSettings.USERNAME, "a:b", StatusSettings.PASSWORD, "pw-Status-9012"), problems);
        assertEquals(List.of(
                "sense.status.username is set but sense.status.password is not: set both for basic auth, or neither.",
                "sense.status.password is set but sense.status.username is not: set both for basic auth, or neither.",
                "sense.status.username = \"a:b\": basic auth user names cannot hold a colon; choose one without."),
                problems);
        assertFalse(String.join(" ", problems).contains("pw-Status"), problems.toString());
    }
}
