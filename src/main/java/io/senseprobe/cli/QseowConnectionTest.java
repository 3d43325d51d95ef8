package io.senseprobe.cli;

import io.senseprobe.check.SenseCheck;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.Target;
import io.senseprobe.result.CheckResult;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "connection-test", mixinStandardHelpOptions = true, defaultValueProvider = EnvDefaults.class, sortOptions = false,
        description = "Test the connection to a client-managed Qlik Sense server (GET /qrs/about), like Ctrl-Q's qseow connection-test.")
final class QseowConnectionTest extends ConnectionTest {
    @Option(names = "--host", paramLabel = "HOST", description = "Qlik Sense server to connect to.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port: 4242 (repository, cert) or the virtual proxy's port (jwt, usually 443).")
    String port;

    @Option(names = "--virtual-proxy", paramLabel = "PREFIX", description = "Virtual proxy prefix (not its description).")
    String virtualProxy;

    @Option(names = "--secure", paramLabel = "true|false", description = "Verify the server certificate and host name (default: true).")
    String secure;

    @Option(names = {"-a", "--auth-type"}, paramLabel = "cert|jwt", description = "cert (default) or jwt.")
    String authType;

    @Option(names = "--auth-cert-file", paramLabel = "FILE", description = "Client certificate (default: config/client.pem in the app home).")
    String certFile;

    @Option(names = "--auth-cert-key-file", paramLabel = "FILE", description = "Client key (default: config/client_key.pem).")
    String keyFile;

    @Option(names = "--auth-root-cert-file", paramLabel = "FILE", description = "Root CA (default: config/root.pem).")
    String rootCertFile;

    @Option(names = "--auth-cert-key-passphrase", paramLabel = "PASSPHRASE", description = "Password of an encrypted client key.")
    String keyPassphrase;

    @Option(names = "--auth-user-dir", paramLabel = "DIR", description = "User directory sent in X-Qlik-User.")
    String userDir;

    @Option(names = "--auth-user-id", paramLabel = "ID", description = "User id sent in X-Qlik-User.")
    String userId;

    @Option(names = "--auth-jwt", paramLabel = "JWT", description = "JWT for the virtual proxy (auth-type jwt).")
    String jwt;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Overall deadline, e.g. 10s (default), 500ms, 2m.")
    String timeout;

    @Override
    Target target() {
        return Target.QSEOW;
    }

    @Override
    String checkId() {
        return SenseCheck.QRS_ABOUT.id();
    }

    @Override
    void printTesting(PrintStream out, Definition d) {
        out.println("Testing connection to Qlik Sense server " + d.host() + " on port " + d.port());
    }

    @Override
    void printSuccess(PrintStream out, CheckResult r) {
        out.println("Successfully connected to Qlik Sense server " + r.host() + " on port " + r.port());
        out.println("Qlik Sense repository build version: " + r.sense().get("buildVersion"));
        out.println("Qlik Sense repository build date: " + r.sense().get("buildDate"));
    }
}
