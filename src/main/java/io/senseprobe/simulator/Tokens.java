package io.senseprobe.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * JWTs for the virtual proxy and Qlik Cloud API keys (which are JWTs too), minted and verified with one key:
 * the simulator's JWT signing certificate.
 */
record Tokens(KeyPair signing, KeyPair stranger, CloudIdentity cloud) {
    static final String USER_DIRECTORY_CLAIM = "userDirectory";
    static final String USER_ID_CLAIM = "userId";
    static final String JWT_USER_DIRECTORY = "SIM";
    static final String JWT_USER_ID = "jwt_user";
    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
    private static final String API_KEY_AUDIENCE = "qlik.api";
    private static final String API_KEY_ISSUER = "qlik.api/api-keys";

    /** The user a verified JWT names, or the reason it was refused. */
    record Verdict(String userDirectory, String userId, String refusal) {
        boolean accepted() {
            return refusal == null;
        }

        static Verdict refused(String why) {
            return new Verdict(null, null, why);
        }
    }

    String mintJwt(String alg, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim(USER_ID_CLAIM, JWT_USER_ID)
                .claim(USER_DIRECTORY_CLAIM, JWT_USER_DIRECTORY)
                .claim("name", "JWT User")
                .issueTime(new Date())
                .expirationTime(Date.from(expiresAt))
                .build();
        return sign(JWSAlgorithm.parse(alg), claims, signing, null);
    }

    String unsignedJwt() {
        return new PlainJWT(userClaims(Instant.now().plus(Duration.ofHours(1)))).serialize();
    }

    String badSignatureJwt() {
        return sign(JWSAlgorithm.RS256, userClaims(Instant.now().plus(Duration.ofHours(1))), stranger, null);
    }

    private static JWTClaimsSet userClaims(Instant expiresAt) {
        return new JWTClaimsSet.Builder().claim(USER_ID_CLAIM, JWT_USER_ID).claim(USER_DIRECTORY_CLAIM, JWT_USER_DIRECTORY)
                .expirationTime(Date.from(expiresAt)).build();
    }

    /** Verification as the virtual proxy does it: RS256/384/512 with the configured certificate, not expired, user claims present. */
    Verdict verifyJwt(String token) {
        try {
            SignedJWT jwt = verifiedSignedJwt(token);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String directory = claims.getStringClaim(USER_DIRECTORY_CLAIM);
            String id = claims.getStringClaim(USER_ID_CLAIM);
            if (directory == null || id == null) {
                return Verdict.refused("missing user claims");
            }
            return new Verdict(directory, id, null);
        } catch (Refused e) {
            return Verdict.refused(e.getMessage());
        } catch (ParseException e) {
            return Verdict.refused("not a JWT");
        }
    }

    // ---- Qlik Cloud API keys -------------------------------------------------------------------

    String mintApiKey(Instant expiresAt) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(cloud.subject())
                .claim("subType", "user")
                .claim("tenantId", cloud.tenantId())
                .jwtID(UUID.randomUUID().toString())
                .audience(API_KEY_AUDIENCE)
                .issuer(API_KEY_ISSUER)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .build();
        return sign(JWSAlgorithm.RS256, claims, signing, "sense-sim-api-keys");
    }

    /** True when the key is one this simulator issued, for its tenant, and not expired. */
    boolean verifyApiKey(String token) {
        try {
            JWTClaimsSet claims = verifiedSignedJwt(token).getJWTClaimsSet();
            return List.of(API_KEY_AUDIENCE).equals(claims.getAudience())
                    && API_KEY_ISSUER.equals(claims.getIssuer())
                    && cloud.tenantId().equals(claims.getStringClaim("tenantId"));
        } catch (Refused | ParseException e) {
            return false;
        }
    }

    private SignedJWT verifiedSignedJwt(String token) throws Refused, ParseException {
        JWT parsed = JWTParser.parse(token);
        if (!(parsed instanceof SignedJWT jwt)) {
            throw new Refused("unsigned JWT");
        }
        if (!ACCEPTED.contains(jwt.getHeader().getAlgorithm())) {
            throw new Refused("algorithm not accepted");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) signing.getPublic()))) {
                throw new Refused("bad signature");
            }
        } catch (JOSEException e) {
            throw new Refused("bad signature");
        }
        Date exp = jwt.getJWTClaimsSet().getExpirationTime();
        if (exp != null && exp.toInstant().isBefore(Instant.now())) {
            throw new Refused("expired");
        }
        return jwt;
    }

    private static String sign(JWSAlgorithm alg, JWTClaimsSet claims, KeyPair keys, String keyId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign JWT", e);
        }
    }

    private static final class Refused extends Exception {
        Refused(String why) {
            super(why, null, false, false);
        }
    }
}
