package io.senseprobe.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsAndSuggestionsTest {

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "10s, PT10S", "2m, PT2M", "1h, PT1H", "30d, PT720H", "15, PT15S", "0.25, PT0.25S",
            "1.5m, PT1M30S", "0, PT0S", "' 10 S ', PT10S"})
    void parsesDurations(String text, String expected) {
        assertEquals(Duration.parse(expected), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-1s", "10x", "1e3", "s"})
    void rejectsNonDurations(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    }

    @Test
    void suggestsKeysAndValues() {
        assertEquals(Optional.of("auth-cert-key-file"), Suggestions.closest("auth-cert-keyfile", DefinitionKeys.all()));
        assertEquals(Optional.of("auth-cert-file"), Suggestions.closest("auth-cert-fil", DefinitionKeys.all()));
        assertEquals(Optional.of("auth-type"), Suggestions.closest("authtype", DefinitionKeys.all()));
        assertEquals(Optional.of("auth-type"), Suggestions.closest("authType", DefinitionKeys.all()));
        assertEquals(Optional.of("qseow"), Suggestions.closest("qsewo", List.of("qseow", "qscloud")));
        assertEquals(Optional.of("cert"), Suggestions.closest("certt", List.of("cert", "jwt")));
        assertEquals(Optional.empty(), Suggestions.closest("colour", DefinitionKeys.all()));
    }
}
