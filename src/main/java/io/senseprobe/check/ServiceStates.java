package io.senseprobe.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.result.Category;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code services} check's judgement of {@code /qrs/servicestatus/full}: one entry per service per node
 * (a multi-node site is watched from its central node). Running and Disabled (switched off on purpose) are healthy,
 * Initializing is a warning, every other state fails the check naming node and service. The names of the numbers
 * come from {@code /qrs/about/api/enums}, asked first: Sense versions differ.
 */
final class ServiceStates {
    static final String ENUMS = "serviceEnums";
    private static final String TYPE_USAGE = "ServiceStatus.ServiceType";
    private static final String STATE_USAGE = "ServiceStatus.ServiceState";

    private ServiceStates() {
    }

    /** The enum names of service types and states: {@code "0: Repository"} values under the usages named above. */
    record Names(Map<Integer, String> types, Map<Integer, String> states) {
        static Names of(JsonNode enums) {
            Map<Integer, String> types = new HashMap<>();
            Map<Integer, String> states = new HashMap<>();
            enums.forEach(entry -> {
                Set<String> usages = new LinkedHashSet<>();
                entry.path("usages").forEach(u -> usages.add(u.asText()));
                if (usages.contains(TYPE_USAGE)) {
                    read(entry.path("values"), types);
                }
                if (usages.contains(STATE_USAGE)) {
                    read(entry.path("values"), states);
                }
            });
            return new Names(types, states);
        }

        private static void read(JsonNode values, Map<Integer, String> into) {
            for (JsonNode value : values) {
                String[] parts = value.asText().split(":", 2);
                if (parts.length == 2) {
                    try {
                        into.put(Integer.parseInt(parts[0].trim()), parts[1].trim());
                    } catch (NumberFormatException notANumber) {
                        // not the "N: Name" form: that value stays unnamed
                    }
                }
            }
        }

        String type(int number) {
            return types.getOrDefault(number, "service type " + number);
        }

        String state(int number) {
            return states.getOrDefault(number, "state " + number);
        }
    }

    static Finding judge(JsonNode body, Names names, String path) throws BadResponseException {
        if (!body.isArray()) {
            throw new BadResponseException("The server answered " + path + " without a JSON array of service states.");
        }
        Set<String> nodes = new LinkedHashSet<>();
        List<String> faults = new ArrayList<>();
        List<String> starting = new ArrayList<>();
        int running = 0;
        for (JsonNode service : body) {
            if (!service.path("serviceType").isInt() || !service.path("serviceState").isInt()) {
                throw new BadResponseException("An entry of " + path + " lacks serviceType or serviceState.");
            }
            JsonNode node = service.path("serverNodeConfiguration");
            String nodeName = node.hasNonNull("name") ? node.get("name").asText() : node.path("hostName").asText("?");
            nodes.add(nodeName);
            String state = names.state(service.get("serviceState").asInt());
            String described = names.type(service.get("serviceType").asInt()) + " on node " + nodeName + " is " + state;
            if (state.equalsIgnoreCase("Running")) {
                running++;
            } else if (state.equalsIgnoreCase("Initializing")) {
                starting.add(described);
            } else if (!state.equalsIgnoreCase("Disabled")) {
                faults.add(described);
            }
        }
        Map<String, Object> sense = new LinkedHashMap<>();
        sense.put("nodes", nodes.size());
        sense.put("services", body.size());
        sense.put("running", running);
        String notRunning = String.join("; ", concat(faults, starting));
        sense.put("notRunning", notRunning);
        if (!faults.isEmpty()) {
            return Finding.failed(Category.SERVICE_DOWN, count(faults) + " not running: " + notRunning + ".", null, sense);
        }
        if (!starting.isEmpty()) {
            return Finding.warning(Category.SERVICE_INITIALIZING, count(starting) + " still starting: "
                    + String.join("; ", starting) + ".", null, sense);
        }
        return Finding.ok(sense);
    }

    private static String count(List<String> services) {
        return services.size() == 1 ? "1 service is" : services.size() + " services are";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
