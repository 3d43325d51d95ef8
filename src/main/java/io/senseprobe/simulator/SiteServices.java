package io.senseprobe.simulator;

import static io.senseprobe.simulator.Json.obj;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The services of a two-node site as the repository reports them: {@code /qrs/servicestatus/full} (one entry per
 * service per node, numbers only) and the enum names in {@code /qrs/about/api/enums}. The central node runs every
 * service; the rim node has printing switched off (Disabled), as many sites do.
 */
final class SiteServices {
    static final String CENTRAL = "Central";
    static final String RIM = "rim-1";
    static final List<String> TYPES = List.of("Repository", "Proxy", "Scheduler", "Engine", "AppMigration", "Printing");
    static final List<String> STATES = List.of("Initializing", "CertificatesNotInstalled", "Running", "NoCommunication",
            "Disabled", "Unknown");

    private record Node(String id, String name, String hostName) {
    }

    private final List<Node> nodes = List.of(
            new Node("2f5e2a7c-8b1d-4c3e-9a6f-0d1e2c3b4a59", CENTRAL, "sense-sim"),
            new Node("7c1d9e4a-3b2f-4e6d-8a5c-1f0e9d8c7b6a", RIM, "sense-sim-rim1"));
    // node name -> service type -> state; guarded by this
    private final Map<String, Map<String, String>> states = new LinkedHashMap<>();

    SiteServices() {
        reset();
    }

    synchronized void reset() {
        states.clear();
        for (Node node : nodes) {
            Map<String, String> services = new LinkedHashMap<>();
            for (String type : TYPES) {
                if (node.name().equals(CENTRAL) || !type.equals("AppMigration")) {
                    services.put(type, node.name().equals(RIM) && type.equals("Printing") ? "Disabled" : "Running");
                }
            }
            states.put(node.name(), services);
        }
    }

    synchronized void set(String node, String type, String state) {
        Map<String, String> services = states.get(node);
        if (services == null || !services.containsKey(type) || !STATES.contains(state)) {
            throw new IllegalArgumentException("No service " + type + " on node " + node + ", or no state " + state
                    + "; nodes " + states.keySet() + ", types " + TYPES + ", states " + STATES);
        }
        services.put(type, state);
    }

    synchronized List<Object> full() {
        List<Object> entries = new ArrayList<>();
        for (Node node : nodes) {
            states.get(node.name()).forEach((type, state) -> entries.add(obj(
                    "id", UUID.randomUUID().toString(), "serviceType", TYPES.indexOf(type), "serviceState", STATES.indexOf(state),
                    "serverNodeConfiguration", obj("id", node.id(), "name", node.name(), "hostName", node.hostName(),
                            "privileges", null),
                    "timestamp", Instant.now().toString(), "privileges", null, "schemaPath", "ServiceStatus")));
        }
        return entries;
    }

    static Map<String, Object> enums() {
        return obj(
                "NodeTypeEnum", obj("usages", List.of("About.NodeType"), "values", List.of("0: Undefined", "1: Central", "2: Rim")),
                "ServiceTypeEnum", obj("usages", List.of("ServiceStatus.ServiceType"), "values", numbered(TYPES)),
                "ServiceStateEnum", obj("usages", List.of("ServiceStatus.ServiceState"), "values", numbered(STATES)));
    }

    private static List<String> numbered(List<String> names) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            values.add(i + ": " + names.get(i));
        }
        return values;
    }
}
