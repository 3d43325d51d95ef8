package io.senseprobe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README.md has a row for every key of config/application.properties, commented-out ones included. */
class ServiceDocsTest {
    private static final Pattern KEY = Pattern.compile("^#?\\s*([a-z][a-z0-9.-]+)\\s*=.*$");

    @Test
    void everyKeyIsInTheTableWithItsEnvironmentVariable() throws Exception {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("config/application.properties"))) {
            Matcher m = KEY.matcher(line.trim());
            if (m.matches()) {
                keys.add(m.group(1));
            }
        }
        assertTrue(keys.size() >= 28, "keys found: " + keys);
        String docs = Files.readString(Path.of("README.md"));
        for (String key : keys) {
            String env = key.toUpperCase().replace('.', '_').replace('-', '_');
            assertTrue(docs.contains("| `" + key + "` |"), "README.md has no row for " + key);
            assertTrue(docs.contains("`" + env + "`"), "README.md does not name " + env);
        }
        for (String owned : List.of(ServiceSettings.INBOX_DIR, ServiceSettings.INBOX_SETTLE, ServiceSettings.INBOX_RETENTION,
                ServiceSettings.CONNECTIONS_DIR, ServiceSettings.CHECK_INTERVAL, ServiceSettings.CHECK_CONCURRENCY,
                ServiceSettings.RESULTS_DIR)) {
            assertTrue(keys.contains(owned), owned + " missing from application.properties");
        }
        assertEquals(keys.size(), keys.stream().distinct().count(), "a key is listed twice");
    }
}
