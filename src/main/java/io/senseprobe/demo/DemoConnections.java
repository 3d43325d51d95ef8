package io.senseprobe.demo;

import io.senseprobe.simulator.SenseSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's inventory: three healthy connections (cert, jwt, cloud) and three broken ones (host name mismatch,
 * expired JWT, refused port), taken from the simulator's examples.
 */
final class DemoConnections {
    static final List<String> FROM_EXAMPLES = List.of("sim-qrs", "sim-jwt-proxy", "sim-cloud", "sim-qrs-ip-host",
            "sim-jwt-expired");
    static final String REFUSED = "demo-refused-port";

    private DemoConnections() {
    }

    static void write(SenseSimulator simulator, Path connections) throws IOException {
        Files.createDirectories(connections);
        Path examples = simulator.files().connectionsDir();
        for (String name : FROM_EXAMPLES) {
            // with their owner-only permissions: they hold tokens, and a readable copy would be warned about
            Files.copy(examples.resolve(name + ".yaml"), connections.resolve(name + ".yaml"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        String qrs = Files.readString(examples.resolve("sim-qrs.yaml"));
        String refused = qrs.replaceAll("(?m)^name: .*$", "name: " + REFUSED)
                .replaceAll("(?m)^port: .*$", "port: " + closedPort())
                .replaceAll("(?m)^#.*$", "# Nothing listens on this port: connection-refused.");
        Files.writeString(connections.resolve(REFUSED + ".yaml"), refused);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
