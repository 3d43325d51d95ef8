package io.senseprobe.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.definition.Definition;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/v1/users/me on a Qlik Cloud tenant: who the API key belongs to. */
public final class UsersMeCheck implements SenseCheck {
    public static final String ID = "users-me";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String path(Definition definition) {
        return "/api/v1/users/me";
    }

    @Override
    public boolean usesXrfkey() {
        return false;
    }

    @Override
    public Map<String, Object> interpret(JsonNode body) throws BadResponseException {
        Map<String, Object> sense = new LinkedHashMap<>();
        sense.put("tenantId", JsonFields.requiredText(body, "tenantId", "/api/v1/users/me"));
        sense.put("userId", JsonFields.requiredText(body, "id", "/api/v1/users/me"));
        sense.put("userName", JsonFields.optionalText(body, "name"));
        sense.put("userEmail", JsonFields.optionalText(body, "email"));
        sense.put("userStatus", JsonFields.optionalText(body, "status"));
        return sense;
    }

    @Override
    public String okMessage(Definition definition, Map<String, Object> sense) {
        Object who = sense.get("userName") != null ? sense.get("userName") : sense.get("userId");
        return "Connected to Qlik Cloud tenant " + definition.host() + " as " + who + ".";
    }
}
