package io.senseprobe.definition;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any text as a JWT or Qlik Cloud API key: {@link TokenClaims} says whether it is a JWT and reads its expiry without
 * an exception, and what it says never holds the token. Inputs under {@code TokenClaimsFuzzTestInputs/tokenPayload/}.
 */
class TokenClaimsFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void tokenPayload(byte[] input) {
        String token = new String(input, StandardCharsets.UTF_8);
        String why = TokenClaims.notAJwt(token);
        TokenClaims.expiry(token);
        if (why != null && token.strip().length() >= 16) {
            assertFalse(why.contains(token.strip()), "the reason shows the token");
        }
    }
}
