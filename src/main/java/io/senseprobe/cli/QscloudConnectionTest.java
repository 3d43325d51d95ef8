package io.senseprobe.cli;

import io.senseprobe.check.SenseCheck;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.Target;
import io.senseprobe.result.CheckResult;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "connection-test", mixinStandardHelpOptions = true, defaultValueProvider = EnvDefaults.class, sortOptions = false,
        description = "Test the connection to a Qlik Cloud tenant (GET /api/v1/users/me), like Ctrl-Q's qscloud connection-test.")
final class QscloudConnectionTest extends ConnectionTest {
    @Option(names = "--tenant-host", paramLabel = "HOST", description = "Tenant host, e.g. mytenant.eu.qlikcloud.com.")
    String tenantHost;

    @Option(names = {"-a", "--auth-type"}, paramLabel = "apikey", description = "apikey (default).")
    String authType;

    @Option(names = "--apikey", paramLabel = "KEY", description = "API key (create one in the hub: Profile > API keys).")
    String apikey;

    @Option(names = "--auth-root-cert-file", paramLabel = "FILE", description = "Extra trusted CA, e.g. of a TLS-inspecting proxy.")
    String rootCertFile;

    @Option(names = "--secure", paramLabel = "true|false", description = "Verify the server certificate and host name (default: true).")
    String secure;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Overall deadline, e.g. 10s (default), 500ms, 2m.")
    String timeout;

    @Override
    Target target() {
        return Target.QSCLOUD;
    }

    @Override
    String checkId() {
        return SenseCheck.USERS_ME.id();
    }

    @Override
    void printTesting(PrintStream out, Definition d) {
        out.println("Testing connection to Qlik Sense Cloud tenant \"" + d.host() + "\"");
    }

    @Override
    void printSuccess(PrintStream out, CheckResult r) {
        out.println("Successfully connected to Qlik Sense Cloud tenant \"" + r.host() + "\"");
        out.println("Tenant ID: " + r.sense().get("tenantId"));
        out.println("User ID: " + r.sense().get("userId"));
        out.println("User name: " + r.sense().get("userName"));
        out.println("User email: " + r.sense().get("userEmail"));
        out.println("User status: " + r.sense().get("userStatus"));
    }
}
