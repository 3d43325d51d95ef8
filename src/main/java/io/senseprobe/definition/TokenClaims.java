package io.senseprobe.definition;

import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Reads the payload of a JWT or Qlik Cloud API key (which is a JWT) without verifying its signature: enough to say
 * whether a token is a JWT at all and when it expires. The token never appears in what this class returns.
 */
public final class TokenClaims {
    private TokenClaims() {
    }

    /** Why {@code token} is not a JWT, or null when it is one (signed, unsigned or encrypted). */
    public static String notAJwt(String token) {
        String t = token.trim();
        if (t.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "it starts with \"Bearer \", which sense-probe adds itself";
        }
        long dots = t.chars().filter(c -> c == '.').count();
        if (dots != 2 && dots != 4) {
            return "a JWT is three base64url parts separated by dots, this value has " + (dots + 1)
                    + (dots == 0 ? " part" : " parts");
        }
        try {
            JWT jwt = JWTParser.parse(t);
            if (!(jwt instanceof EncryptedJWT)) {
                jwt.getJWTClaimsSet();
            }
            return null;
        } catch (ParseException | RuntimeException e) {
            // RuntimeException: Nimbus throws a NullPointerException for a header that is the JSON null (fuzzing found
            // it: TokenClaimsFuzzTestInputs/tokenPayload/header-json-null)
            return "its header or payload is not base64url-encoded JSON (a truncated or mangled copy?)";
        }
    }

    /** The {@code exp} claim; empty when the token has none or its payload cannot be read (encrypted, not a JWT). */
    public static Optional<Instant> expiry(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JWT jwt = JWTParser.parse(token.trim());
            if (jwt instanceof EncryptedJWT) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims == null ? null : claims.getExpirationTime();
            return Optional.ofNullable(exp).map(Date::toInstant);
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
