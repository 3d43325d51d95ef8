package io.senseprobe.cli;

import static io.senseprobe.definition.DefinitionKeys.APIKEY;
import static io.senseprobe.definition.DefinitionKeys.AUTH_ROOT_CERT_FILE;
import static io.senseprobe.definition.DefinitionKeys.AUTH_TYPE;
import static io.senseprobe.definition.DefinitionKeys.SECURE;
import static io.senseprobe.definition.DefinitionKeys.TENANT_HOST;
import static io.senseprobe.definition.DefinitionKeys.TIMEOUT;

import io.senseprobe.definition.Target;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "connection-test", mixinStandardHelpOptions = true, defaultValueProvider = EnvDefaults.class, sortOptions = false,
        modelTransformer = ConnectionTest.KeyOptions.class,
        description = "Test the connection to a Qlik Cloud tenant (GET /api/v1/users/me), like Ctrl-Q's qscloud connection-test.")
final class QscloudConnectionTest extends ConnectionTest {
    QscloudConnectionTest() {
        super(Target.QSCLOUD, List.of(
                new KeyOption(TENANT_HOST, "HOST", "Tenant host, e.g. mytenant.eu.qlikcloud.com."),
                new KeyOption(AUTH_TYPE, "apikey", "apikey (default)."),
                new KeyOption(APIKEY, "KEY", "API key (create one in the hub: Profile > API keys)."),
                new KeyOption(AUTH_ROOT_CERT_FILE, "FILE", "Extra trusted CA, e.g. of a TLS-inspecting proxy."),
                new KeyOption(SECURE, "true|false", "Verify the server certificate and host name (default: true)."),
                new KeyOption(TIMEOUT, "DURATION", "Overall deadline, e.g. 10s (default), 500ms, 2m.")),
                d -> "Qlik Sense Cloud tenant \"" + d.host() + "\"",
                List.of(Map.entry("Tenant ID", "tenantId"), Map.entry("User ID", "userId"), Map.entry("User name", "userName"),
                        Map.entry("User email", "userEmail"), Map.entry("User status", "userStatus")));
    }
}
