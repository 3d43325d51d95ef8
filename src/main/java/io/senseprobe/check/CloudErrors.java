package io.senseprobe.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Qlik Cloud's error bodies: {"errors":[{"code","title","detail","status"}],"traceId"}. */
final class CloudErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudErrors() {
    }

    /** "title (detail)" for every error, or "" when the body is not Cloud's error shape. */
    static String describe(String body) {
        try {
            JsonNode errors = JSON.readTree(body).get("errors");
            if (errors == null || !errors.isArray()) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            for (JsonNode error : errors) {
                String title = error.path("title").asText("");
                String detail = error.path("detail").asText("");
                parts.add(detail.isEmpty() || detail.equals(title) ? title : title + " (" + detail + ")");
            }
            return String.join("; ", parts);
        } catch (Exception e) {
            return "";
        }
    }
}
