package io.senseprobe.demo;

import io.senseprobe.service.SenseProbeService;
import io.senseprobe.simulator.SenseSimulator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.CamelConfiguration;

/**
 * The newcomer's first run: the simulator with fresh certificates, six demo connections, and the full service
 * on them (5 s interval, alert at the first failure, file sink, a generic webhook captured inside the demo).
 */
public record Demo(SenseSimulator simulator, WebhookCapture capture, SenseProbeService service) implements AutoCloseable {
    public static Demo start(Path home, PrintStream out, Function<Clock, CamelConfiguration> checkBeans) throws Exception {
        SenseSimulator simulator = SenseSimulator.start(home.resolve("simulator"));
        WebhookCapture capture = null;
        try {
            simulator.writeExampleDefinitions();
            DemoConnections.write(simulator, home.resolve("connections"));
            capture = WebhookCapture.start(home.resolve("out").resolve("webhook-capture.jsonl"), out);
            printIntro(home, out);
            SenseProbeService service = SenseProbeService.start(home, Map.of(
                    "sense.check.interval", "5s",
                    "sense.alert.failure-threshold", "1",
                    "sense.alert.rate-limit", "0",
                    // the demo's failures arrive together after 2 s, as one grouped message
                    "sense.alert.group-wait", "2s",
                    "sense.alert.webhook.url", capture.url(),
                    // the demo must not collide with a service already on the health or status port
                    "camel.management.enabled", "false",
                    "camel.server.enabled", "false"), checkBeans);
            return new Demo(simulator, capture, service);
        } catch (Exception e) {
            if (capture != null) {
                capture.close();
            }
            simulator.close();
            throw e;
        }
    }

    private static void printIntro(Path home, PrintStream out) {
        out.println("sense-probe demo: the bundled Qlik Sense simulator, checked every 5 s by the full service.");
        out.println("Demo home:        " + home);
        out.println("  connections/    six connections: cert, jwt and cloud ones that work; a host name mismatch,");
        out.println("                  an expired JWT and a refused port that do not. Edit or add files while it runs.");
        out.println("  inbox/          drop a definition file here for a one-off check and a report in inbox/.done/");
        out.println("  out/            results/<day>.jsonl, status.json, alert-state.json, webhook-capture.jsonl");
        out.println("Alerts go to a webhook captured here (lines starting with >>>). Ctrl-C stops the demo.");
        out.println();
    }

    public void awaitStop() throws InterruptedException {
        service.awaitStop();
    }

    @Override
    public void close() {
        service.stop();
        capture.close();
        simulator.close();
    }
}
