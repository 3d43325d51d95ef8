package io.senseprobe.cli;

import io.senseprobe.definition.Definition;
import io.senseprobe.definition.Target;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "connection-test", mixinStandardHelpOptions = true, defaultValueProvider = EnvDefaults.class, sortOptions = false,
        modelTransformer = ConnectionTest.KeyOptions.class,
        description = "Test the connection to a client-managed Qlik Sense server (GET /qrs/about), like Ctrl-Q's qseow connection-test.")
final class QseowConnectionTest extends ConnectionTest {
    QseowConnectionTest() {
        super(Target.QSEOW, options("qseow-options.tsv"),
                List.of(Map.entry("Qlik Sense repository build version", "buildVersion"),
                        Map.entry("Qlik Sense repository build date", "buildDate")), false);
    }

    @Override
    String site(Definition d) {
        return "Qlik Sense server " + d.host() + " on port " + d.port();
    }
}
