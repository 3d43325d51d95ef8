package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.senseprobe.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert services that send to a {@link RecordingReceiver} webhook at {@code /hook}, on a clock the test moves; a new
 * receiver for each test, and the Camel context of every service made by {@link #service} is stopped after it.
 */
abstract class WebhookAlertTest {
    static final List<Duration> FAST = List.of(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10));

    @TempDir
    Path dir;
    RecordingReceiver receiver;
    TestClock clock = new TestClock();
    List<AlertCamel> camels = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiver = new RecordingReceiver();
    }

    @AfterEach
    void stop() {
        camels.forEach(AlertCamel::close);
        receiver.close();
    }

    /** A service for the webhook, with {@code settings} as pairs of keys (after "sense.alert.", named destinations too) and values. */
    AlertService service(String... settings) {
        Map<String, String> props = new HashMap<>();
        props.put("sense.alert.webhook.url", receiver.url("/hook"));
        props.put("sense.alert.group-wait", "0");
        for (int i = 0; i < settings.length; i += 2) {
            props.put("sense.alert." + settings[i], settings[i + 1]);
        }
        List<String> problems = new ArrayList<>();
        AlertSettings s = AlertSettings.from(props::get, props.keySet(), problems);
        assertEquals(List.of(), problems);
        AlertCamel camel = new AlertCamel(s, dir, dir, clock);
        camels.add(camel);
        return camel.service;
    }
}
