package io.senseprobe.check;

import com.fasterxml.jackson.databind.JsonNode;

final class JsonFields {
    private JsonFields() {
    }

    static String requiredText(JsonNode body, String field, String endpoint) throws BadResponseException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            throw new BadResponseException("The answer of " + endpoint + " lacks the field " + field + ".");
        }
        return value.asText();
    }

    static String optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
