package io.senseprobe.definition;

import static io.senseprobe.definition.DefinitionKeys.*;

import java.nio.file.Path;

/** The keys of a client-managed Qlik Sense (QSEoW) connection, with certificate or JWT authentication. */
final class QseowRules {
    static final int DEFAULT_CERT_PORT = 4242;
    static final int DEFAULT_JWT_PORT = 443;

    private QseowRules() {
    }

    /** {@code authType} is null when it was invalid: the keys of either auth type are then left unchecked. */
    static Definition definition(ConnectionValues values, AuthType authType, ConnectionValidator.Common common, CertFiles certFiles) {
        String host = values.required(HOST, "qseow connections").map(text -> checked(values, HOST, text, HostNames::host)).orElse(null);
        int port = values.port(PORT).orElse(authType == AuthType.CERT ? DEFAULT_CERT_PORT : DEFAULT_JWT_PORT);
        String virtualProxy = values.text(VIRTUAL_PROXY).map(text -> checked(values, VIRTUAL_PROXY, text, HostNames::virtualProxy)).orElse("");
        String userDir = null;
        String userId = null;
        Path certFile = null;
        Path keyFile = null;
        String passphrase = null;
        String jwt = null;
        if (authType == AuthType.CERT) {
            userDir = values.required(AUTH_USER_DIR, "auth-type cert").orElse(null);
            userId = values.required(AUTH_USER_ID, "auth-type cert").orElse(null);
            passphrase = values.text(AUTH_CERT_KEY_PASSPHRASE).orElse(null);
            certFile = certFiles.clientCertificate();
            keyFile = certFiles.clientKey(passphrase);
        } else if (authType == AuthType.JWT) {
            jwt = values.required(AUTH_JWT, "auth-type jwt").orElse(null);
            String notAJwt = jwt == null ? null : TokenClaims.notAJwt(jwt);
            if (notAJwt != null) {
                values.problem(AUTH_JWT, "is not a JWT: " + notAJwt + ".", "Give the token exactly as the identity "
                        + "provider issued it (it starts with \"eyJ\" and has two dots), without \"Bearer \" or quotes.");
            }
        }
        // with cert and secure, the server is verified against the site's own root CA; otherwise it only adds trust
        boolean rootRequired = authType == AuthType.CERT && common.secure();
        Path rootFile = authType == null ? null : certFiles.rootCertificate(true, rootRequired);
        return new Definition(common.name(), Target.QSEOW, host, port, virtualProxy, authType, userDir, userId,
                certFile, keyFile, rootFile, Secret.of(passphrase), Secret.of(jwt), null, common.secure(), common.timeout(), common.overrides(), common.source());
    }

    interface Check {
        String apply(String text) throws InvalidValueException;
    }

    static String checked(ConnectionValues values, String key, String text, Check check) {
        try {
            return check.apply(text);
        } catch (InvalidValueException e) {
            values.problem(key, e.getMessage(), e.fix());
            return null;
        }
    }
}
