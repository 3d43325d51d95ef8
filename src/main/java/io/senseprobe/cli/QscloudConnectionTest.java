package io.senseprobe.cli;

import io.senseprobe.definition.Definition;
import io.senseprobe.definition.DefinitionKeys;
import io.senseprobe.definition.Target;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "connection-test", mixinStandardHelpOptions = true, defaultValueProvider = EnvDefaults.class, sortOptions = false,
        modelTransformer = ConnectionTest.KeyOptions.class,
        description = "Test the connection to a Qlik Cloud tenant (GET /api/v1/users/me), like Ctrl-Q's qscloud connection-test.")
final class QscloudConnectionTest extends ConnectionTest {
    QscloudConnectionTest() {
        super(Target.QSCLOUD, options("qscloud-options.tsv"),
                List.of(Map.entry("Tenant ID", "tenantId"), Map.entry("User ID", "userId"), Map.entry("User name", "userName"),
                        Map.entry("User email", "userEmail"), Map.entry("User status", "userStatus")), true);
    }

    /** The tenant as typed ("tenant.example:8443" keeps its port). */
    @Override
    String site(Definition d) {
        return "Qlik Sense Cloud tenant \"" + value(DefinitionKeys.TENANT_HOST).trim() + "\"";
    }
}
