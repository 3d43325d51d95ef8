package io.senseprobe.cli;

import static io.senseprobe.definition.DefinitionKeys.AUTH_CERT_FILE;
import static io.senseprobe.definition.DefinitionKeys.AUTH_CERT_KEY_FILE;
import static io.senseprobe.definition.DefinitionKeys.AUTH_CERT_KEY_PASSPHRASE;
import static io.senseprobe.definition.DefinitionKeys.AUTH_JWT;
import static io.senseprobe.definition.DefinitionKeys.AUTH_ROOT_CERT_FILE;
import static io.senseprobe.definition.DefinitionKeys.AUTH_TYPE;
import static io.senseprobe.definition.DefinitionKeys.AUTH_USER_DIR;
import static io.senseprobe.definition.DefinitionKeys.AUTH_USER_ID;
import static io.senseprobe.definition.DefinitionKeys.HOST;
import static io.senseprobe.definition.DefinitionKeys.PORT;
import static io.senseprobe.definition.DefinitionKeys.SECURE;
import static io.senseprobe.definition.DefinitionKeys.TIMEOUT;
import static io.senseprobe.definition.DefinitionKeys.VIRTUAL_PROXY;

import io.senseprobe.definition.Target;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "connection-test", mixinStandardHelpOptions = true, defaultValueProvider = EnvDefaults.class, sortOptions = false,
        modelTransformer = ConnectionTest.KeyOptions.class,
        description = "Test the connection to a client-managed Qlik Sense server (GET /qrs/about), like Ctrl-Q's qseow connection-test.")
final class QseowConnectionTest extends ConnectionTest {
    QseowConnectionTest() {
        super(Target.QSEOW, List.of(
                new KeyOption(HOST, "HOST", "Qlik Sense server to connect to."),
                new KeyOption(PORT, "PORT", "Port: 4242 (repository, cert) or the virtual proxy's port (jwt, usually 443)."),
                new KeyOption(VIRTUAL_PROXY, "PREFIX", "Virtual proxy prefix (not its description)."),
                new KeyOption(SECURE, "true|false", "Verify the server certificate and host name (default: true)."),
                new KeyOption(AUTH_TYPE, "cert|jwt", "cert (default) or jwt."),
                new KeyOption(AUTH_CERT_FILE, "FILE", "Client certificate (default: config/client.pem in the app home)."),
                new KeyOption(AUTH_CERT_KEY_FILE, "FILE", "Client key (default: config/client_key.pem)."),
                new KeyOption(AUTH_ROOT_CERT_FILE, "FILE", "Root CA (default: config/root.pem)."),
                new KeyOption(AUTH_CERT_KEY_PASSPHRASE, "PASSPHRASE", "Password of an encrypted client key."),
                new KeyOption(AUTH_USER_DIR, "DIR", "User directory sent in X-Qlik-User."),
                new KeyOption(AUTH_USER_ID, "ID", "User id sent in X-Qlik-User."),
                new KeyOption(AUTH_JWT, "JWT", "JWT for the virtual proxy (auth-type jwt)."),
                new KeyOption(TIMEOUT, "DURATION", "Overall deadline, e.g. 10s (default), 500ms, 2m.")),
                d -> "Qlik Sense server " + d.host() + " on port " + d.port(),
                List.of(Map.entry("Qlik Sense repository build version", "buildVersion"),
                        Map.entry("Qlik Sense repository build date", "buildDate")));
    }
}
