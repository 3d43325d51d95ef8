package io.senseprobe.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One kind of Sense call: where it goes and which fields of a good answer become the result's {@code sense} fields.
 * The check route runs any of them; more (engine health, proxy sessions) plug in here.
 */
public enum SenseCheck {
    /** GET /qrs/about, Ctrl-Q's connection test: build version and date (the date passed through as Sense writes it). */
    QRS_ABOUT("qrs-about", "/qrs/about", true, List.of(required("buildVersion", "buildVersion"), required("buildDate", "buildDate"))) {
        @Override
        public String okMessage(Definition definition, Map<String, Object> sense) {
            return "Connected to Qlik Sense server " + definition.host() + " on port " + definition.port()
                    + ", repository build " + sense.get("buildVersion") + ".";
        }
    },
    /** GET /api/v1/users/me on a Qlik Cloud tenant: who the API key belongs to. */
    USERS_ME("users-me", "/api/v1/users/me", false, List.of(required("tenantId", "tenantId"), required("userId", "id"),
            optional("userName", "name"), optional("userEmail", "email"), optional("userStatus", "status"))) {
        @Override
        public String okMessage(Definition definition, Map<String, Object> sense) {
            Object who = sense.get("userName") != null ? sense.get("userName") : sense.get("userId");
            return "Connected to Qlik Cloud tenant " + definition.host() + " as " + who + ".";
        }
    };

    private final String id;
    private final String endpoint;
    private final boolean usesXrfkey;
    private final List<Field> fields;

    SenseCheck(String id, String endpoint, boolean usesXrfkey, List<Field> fields) {
        this.id = id;
        this.endpoint = endpoint;
        this.usesXrfkey = usesXrfkey;
        this.fields = fields;
    }

    /** The check that tests a site of the target. */
    public static SenseCheck of(Target target) {
        return target == Target.QSCLOUD ? USERS_ME : QRS_ABOUT;
    }

    /** The result's {@code check} field, e.g. {@code qrs-about}. */
    public String id() {
        return id;
    }

    /** Path of the request, including the virtual proxy prefix when there is one (only client-managed sites have one). */
    public String path(Definition definition) {
        return definition.prefixPath() + endpoint;
    }

    /** QRS and QPS calls need the xrfkey in query and header. */
    public boolean usesXrfkey() {
        return usesXrfkey;
    }

    /** The {@code sense} fields of the result; throws {@link BadResponseException} when the answer is not Sense's. */
    public Map<String, Object> interpret(JsonNode body) throws BadResponseException {
        Map<String, Object> sense = new LinkedHashMap<>();
        for (Field field : fields) {
            JsonNode value = body.get(field.from());
            if (field.required() && (value == null || value.isNull() || value.isContainerNode())) {
                throw new BadResponseException("The answer of " + endpoint + " lacks the field " + field.from() + ".");
            }
            sense.put(field.name(), value == null || value.isNull() ? null : value.asText());
        }
        return sense;
    }

    /** The one-sentence success message. */
    public abstract String okMessage(Definition definition, Map<String, Object> sense);

    private static Field required(String name, String from) {
        return new Field(name, from, true);
    }

    private static Field optional(String name, String from) {
        return new Field(name, from, false);
    }

    /** A {@code sense} field and the field of the answer it is read from; a required one must hold text. */
    private record Field(String name, String from, boolean required) {
    }
}
