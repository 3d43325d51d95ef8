package io.senseprobe.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.senseprobe.definition.Definition;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /qrs/about, Ctrl-Q's connection test: build version and date (the date passed through as Sense writes it). */
public final class QrsAboutCheck implements SenseCheck {
    public static final String ID = "qrs-about";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String path(Definition definition) {
        return definition.prefixPath() + "/qrs/about";
    }

    @Override
    public boolean usesXrfkey() {
        return true;
    }

    @Override
    public Map<String, Object> interpret(JsonNode body) throws BadResponseException {
        Map<String, Object> sense = new LinkedHashMap<>();
        sense.put("buildVersion", JsonFields.requiredText(body, "buildVersion", "/qrs/about"));
        sense.put("buildDate", JsonFields.requiredText(body, "buildDate", "/qrs/about"));
        return sense;
    }

    @Override
    public String okMessage(Definition definition, Map<String, Object> sense) {
        return "Connected to Qlik Sense server " + definition.host() + " on port " + definition.port()
                + ", repository build " + sense.get("buildVersion") + ".";
    }
}
