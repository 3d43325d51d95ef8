package io.senseprobe.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The virtual proxy's JWT rules where no public minting method reaches. */
class TokensTest {
    private static final KeyPair SIGNING = Pki.newRsaKeyPair();
    private final CloudIdentity cloud = CloudIdentity.random();
    private final Tokens tokens = new Tokens(SIGNING, Pki.newRsaKeyPair(), cloud);

    private static String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(SIGNING.getPrivate()));
        return jwt.serialize();
    }

    @Test
    void acceptsWithoutExpiryButNotWithoutUserClaims() throws Exception {
        Tokens.Verdict noExp = tokens.verifyJwt(signed(new JWTClaimsSet.Builder()
                .claim("userId", "u").claim("userDirectory", "D").build()));
        assertTrue(noExp.accepted());
        assertEquals("D", noExp.userDirectory());
        assertEquals("u", noExp.userId());
        Tokens.Verdict noUser = tokens.verifyJwt(signed(new JWTClaimsSet.Builder().subject("u")
                .expirationTime(Date.from(Instant.now().plusSeconds(60))).build()));
        assertFalse(noUser.accepted());
    }

    @Test
    void refusesHmac() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder().claim("userId", "u").claim("userDirectory", "D").build());
        jwt.sign(new MACSigner(new byte[32]));
        assertFalse(tokens.verifyJwt(jwt.serialize()).accepted());
    }

    @Test
    void apiKeyIsNotAVirtualProxyJwtAndViceVersa() {
        String key = tokens.mintApiKey(Instant.now().plus(Duration.ofHours(1)));
        assertTrue(tokens.verifyApiKey(key));
        assertFalse(tokens.verifyJwt(key).accepted());
        assertFalse(tokens.verifyApiKey(tokens.mintJwt("RS256", Instant.now().plusSeconds(60))));
        assertFalse(new Tokens(SIGNING, SIGNING, CloudIdentity.random()).verifyApiKey(key), "another tenant");
    }
}
