package io.senseprobe.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.definition.CheckNames;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.Target;
import io.senseprobe.result.Category;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One kind of Sense call: which port and path it goes to and what a good answer says. The check route runs any of
 * them, one result each; a definition's {@code checks:} list (see {@link CheckNames}) names the ones it runs.
 * A check of several requests (tenant, services) asks for the next one through {@link Finding#next}; the answers
 * before it are kept in the attempt ({@link CheckAttempt#carried()}).
 */
public enum SenseCheck {
    /** GET /qrs/about, Ctrl-Q's connection test: build version and date (the date passed through as Sense writes it). */
    QRS_ABOUT(CheckNames.QRS_ABOUT, Port.SITE, "/qrs/about", true) {
        @Override
        Finding interpret(JsonNode body, CheckAttempt attempt) throws BadResponseException {
            return Finding.ok(fields(object(body, attempt), attempt, required("buildVersion", "buildVersion"),
                    required("buildDate", "buildDate")));
        }

        @Override
        public String okMessage(Definition definition, Map<String, Object> sense) {
            return "Connected to Qlik Sense server " + definition.host() + " on port " + definition.port()
                    + ", repository build " + sense.get("buildVersion") + ".";
        }
    },
    /** The service states of every node (QRS): the enum names first, then /qrs/servicestatus/full. */
    SERVICES(CheckNames.SERVICES, Port.SITE, "/qrs/about/api/enums", true) {
        @Override
        Finding interpret(JsonNode body, CheckAttempt attempt) throws BadResponseException {
            if (attempt.carried().isEmpty()) {
                attempt.carried().put(ServiceStates.ENUMS, ServiceStates.Names.of(object(body, attempt)));
                return Finding.next(attempt.definition().prefixPath() + "/qrs/servicestatus/full");
            }
            return ServiceStates.judge(body, (ServiceStates.Names) attempt.carried().get(ServiceStates.ENUMS), attempt.path());
        }

        @Override
        public String okMessage(Definition definition, Map<String, Object> sense) {
            return "Every service is running (or disabled) on the " + sense.get("nodes") + " node(s) of "
                    + definition.host() + ": " + sense.get("running") + " of " + sense.get("services") + " running.";
        }
    },
    /** GET /engine/healthcheck on the engine port: up since, sessions, users; saturated is a warning. */
    ENGINE_HEALTH(CheckNames.ENGINE_HEALTH, Port.ENGINE, "/engine/healthcheck", false) {
        @Override
        Finding interpret(JsonNode body, CheckAttempt attempt) throws BadResponseException {
            JsonNode health = object(body, attempt);
            Map<String, Object> sense = fields(health, attempt, required("engineVersion", "version"),
                    optional("engineStarted", "started"));
            sense.put("sessionsActive", number(health.path("session").path("active")));
            sense.put("sessionsTotal", number(health.path("session").path("total")));
            sense.put("usersActive", number(health.path("users").path("active")));
            sense.put("usersTotal", number(health.path("users").path("total")));
            boolean saturated = health.path("saturated").asBoolean(false);
            sense.put("saturated", saturated);
            if (saturated) {
                return Finding.warning(Category.ENGINE_SATURATED, "The engine on " + attempt.address()
                        + " is saturated: its CPU or memory use over the last 30 s is above 90 % ("
                        + sense.get("sessionsActive") + " active session(s), " + sense.get("usersActive") + " active user(s)).",
                        null, sense);
            }
            return Finding.ok(sense);
        }

        @Override
        public String okMessage(Definition definition, Map<String, Object> sense) {
            return "Engine " + sense.get("engineVersion") + " on " + definition.host() + " port " + port(definition)
                    + " is healthy: " + sense.get("sessionsActive") + " active session(s), " + sense.get("usersActive")
                    + " active user(s).";
        }
    },
    /** The engine's JSON-RPC over a WebSocket: OnConnected, then EngineVersion (see {@link EngineVersionCall}). */
    ENGINE_VERSION(CheckNames.ENGINE_VERSION, Port.ENGINE, "/app/engineData", false) {
        @Override
        Finding interpret(JsonNode body, CheckAttempt attempt) throws BadResponseException {
            throw new BadResponseException("engine-version speaks JSON-RPC over a WebSocket, not HTTP.");
        }

        @Override
        public String okMessage(Definition definition, Map<String, Object> sense) {
            return "Engine on " + definition.host() + " port " + port(definition) + " answers JSON-RPC: version "
                    + sense.get("engineVersion") + ".";
        }
    },
    /** GET /qps[/prefix]/session on the proxy port: how many sessions the virtual proxy holds. */
    PROXY(CheckNames.PROXY, Port.PROXY, null, true) {
        @Override
        public String path(Definition definition) {
            return "/qps" + definition.prefixPath() + "/session";
        }

        @Override
        Finding interpret(JsonNode body, CheckAttempt attempt) throws BadResponseException {
            if (!body.isArray()) {
                throw new BadResponseException("The server answered " + attempt.path() + " without a JSON array of sessions.");
            }
            Map<String, Object> sense = new LinkedHashMap<>();
            sense.put("sessions", body.size());
            return Finding.ok(sense);
        }

        @Override
        public String okMessage(Definition definition, Map<String, Object> sense) {
            String proxy = definition.prefixPath().isEmpty() ? "the default virtual proxy"
                    : "the virtual proxy \"" + definition.virtualProxy() + "\"";
            return "Proxy API on " + definition.host() + " port " + port(definition) + " answers: " + sense.get("sessions")
                    + " session(s) on " + proxy + ".";
        }
    },
    /** GET /api/v1/users/me on a Qlik Cloud tenant: who the API key belongs to. */
    USERS_ME(CheckNames.USERS_ME, Port.SITE, "/api/v1/users/me", false) {
        @Override
        Finding interpret(JsonNode body, CheckAttempt attempt) throws BadResponseException {
            return Finding.ok(usersMe(body, attempt));
        }

        @Override
        public String okMessage(Definition definition, Map<String, Object> sense) {
            Object who = sense.get("userName") != null ? sense.get("userName") : sense.get("userId");
            return "Connected to Qlik Cloud tenant " + definition.host() + " as " + who + ".";
        }
    },
    /** users/me for the tenant id, then GET /api/v1/tenants/{tenantId}: the tenant's name and status. */
    TENANT(CheckNames.TENANT, Port.SITE, "/api/v1/users/me", false) {
        @Override
        Finding interpret(JsonNode body, CheckAttempt attempt) throws BadResponseException {
            if (attempt.carried().isEmpty()) {
                String tenantId = String.valueOf(usersMe(body, attempt).get("tenantId"));
                attempt.carried().put("tenantId", tenantId);
                return Finding.next("/api/v1/tenants/" + URLEncoder.encode(tenantId, StandardCharsets.UTF_8));
            }
            Map<String, Object> sense = new LinkedHashMap<>(attempt.carried());
            sense.putAll(fields(object(body, attempt), attempt, optional("tenantName", "name"),
                    optional("tenantStatus", "status"), optional("tenantRegion", "region")));
            return Finding.ok(sense);
        }

        @Override
        public String okMessage(Definition definition, Map<String, Object> sense) {
            Object name = sense.get("tenantName") != null ? sense.get("tenantName") : sense.get("tenantId");
            return "Qlik Cloud tenant " + name + " on " + definition.host() + " is "
                    + (sense.get("tenantStatus") == null ? "reachable" : sense.get("tenantStatus")) + ".";
        }
    };

    /** Which of the definition's ports a check goes to. */
    enum Port { SITE, ENGINE, PROXY }

    /** Sense's own ports, used when the definition does not set engine-port or proxy-port. */
    public static final int DEFAULT_ENGINE_PORT = 4747;
    public static final int DEFAULT_PROXY_PORT = 4243;

    private final String id;
    private final Port port;
    private final String endpoint;
    private final boolean usesXrfkey;

    SenseCheck(String id, Port port, String endpoint, boolean usesXrfkey) {
        this.id = id;
        this.port = port;
        this.endpoint = endpoint;
        this.usesXrfkey = usesXrfkey;
    }

    /** The check that tests a site of the target when the definition names none. */
    public static SenseCheck of(Target target) {
        return byId(CheckNames.defaultOf(target));
    }

    /** The checks the definition runs, in order (its {@code checks:} list or the defaults). */
    public static List<SenseCheck> of(Definition definition) {
        return definition.checks().stream().map(SenseCheck::byId).toList();
    }

    /** The check of a name in {@link CheckNames}. */
    public static SenseCheck byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No check named " + id));
    }

    /** The result's {@code check} field, e.g. {@code qrs-about}. */
    public String id() {
        return id;
    }

    /** The port the check connects to: the definition's, or its engine or proxy port (Sense's default when unset). */
    public int port(Definition definition) {
        return switch (port) {
            case SITE -> definition.port();
            case ENGINE -> definition.overrides().enginePort() != null ? definition.overrides().enginePort() : DEFAULT_ENGINE_PORT;
            case PROXY -> definition.overrides().proxyPort() != null ? definition.overrides().proxyPort() : DEFAULT_PROXY_PORT;
        };
    }

    /**
     * Path of the first request. Calls on the site's port carry the virtual proxy prefix when there is one (only
     * client-managed sites have one); the engine's port has no virtual proxies.
     */
    public String path(Definition definition) {
        return (port == Port.SITE ? definition.prefixPath() : "") + endpoint;
    }

    /** QRS and QPS calls need the xrfkey in query and header. */
    public boolean usesXrfkey() {
        return usesXrfkey;
    }

    /** A call over the engine's WebSocket rather than an HTTP GET. */
    public boolean isWebSocket() {
        return this == ENGINE_VERSION;
    }

    /** What a 2xx answer says; throws {@link BadResponseException} when the answer is not Sense's. */
    abstract Finding interpret(JsonNode body, CheckAttempt attempt) throws BadResponseException;

    /** The one-sentence success message. */
    public abstract String okMessage(Definition definition, Map<String, Object> sense);

    private static Map<String, Object> usersMe(JsonNode body, CheckAttempt attempt) throws BadResponseException {
        return fields(object(body, attempt), attempt, required("tenantId", "tenantId"), required("userId", "id"),
                optional("userName", "name"), optional("userEmail", "email"), optional("userStatus", "status"));
    }

    static JsonNode object(JsonNode body, CheckAttempt attempt) throws BadResponseException {
        if (!body.isObject()) {
            throw new BadResponseException("The server answered " + attempt.path() + " without a JSON object.");
        }
        return body;
    }

    /** The {@code sense} fields read from the answer; a required one must hold text. */
    private static Map<String, Object> fields(JsonNode body, CheckAttempt attempt, Field... fields) throws BadResponseException {
        Map<String, Object> sense = new LinkedHashMap<>();
        for (Field field : fields) {
            JsonNode value = body.get(field.from());
            if (field.required() && (value == null || value.isNull() || value.isContainerNode())) {
                throw new BadResponseException("The answer of " + attempt.path() + " lacks the field " + field.from() + ".");
            }
            sense.put(field.name(), value == null || value.isNull() ? null : value.asText());
        }
        return sense;
    }

    private static Object number(JsonNode value) {
        return value.isNumber() ? value.numberValue() : null;
    }

    private static Field required(String name, String from) {
        return new Field(name, from, true);
    }

    private static Field optional(String name, String from) {
        return new Field(name, from, false);
    }

    private record Field(String name, String from, boolean required) {
    }
}
