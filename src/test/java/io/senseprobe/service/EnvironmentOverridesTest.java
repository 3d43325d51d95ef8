package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentOverridesTest {

    @Test
    void everyKeyOfTheFileReadsItsVariableInCamelsForm() {
        String file = "camel.management.port = 9876\nsense.check.interval = 60s\nsense.alert.failure-threshold = 2\n";
        Map<String, String> env = Map.of("CAMEL_MANAGEMENT_PORT", "19876", "SENSE_ALERT_FAILURE_THRESHOLD", "1",
                "UNRELATED", "x");

        Map<String, String> overrides = EnvironmentOverrides.of(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.ISO_8859_1)), env::get);

        assertEquals(Map.of("camel.management.port", "19876", "sense.alert.failure-threshold", "1"), overrides);
    }

    @Test
    void variableNamesFollowCamelsMapping() {
        assertEquals("SENSE_INBOX_DIR", EnvironmentOverrides.variableFor("sense.inbox.dir"));
        assertEquals("CAMEL_MANAGEMENT_HEALTH_CHECK_ENABLED",
                EnvironmentOverrides.variableFor("camel.management.health-check-enabled"));
    }
}
