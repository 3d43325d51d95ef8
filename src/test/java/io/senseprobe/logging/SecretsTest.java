package io.senseprobe.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void registeredValuesAreMaskedWhereverTheyStand() {
        Secrets.register("s3cret-passphrase");
        assertEquals("key pass=*** (again ***)", Secrets.redact("key pass=s3cret-passphrase (again s3cret-passphrase)"));
    }

    @Test
    void bearerTokensAreMaskedEvenWhenUnknown() {
        String line = "http-outgoing-0 >> \"Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln[\\r][\\n]\"";
        String redacted = Secrets.redact(line);
        assertFalse(redacted.contains("eyJ"), redacted);
        assertEquals("http-outgoing-0 >> \"Authorization: Bearer ***[\\r][\\n]\"", redacted);
    }

    @Test
    void veryShortValuesAreNotUsedAsMasks() {
        Secrets.register("ab");
        assertEquals("abc", Secrets.redact("abc"));
    }
}
