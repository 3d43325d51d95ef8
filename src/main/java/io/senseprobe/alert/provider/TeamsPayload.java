package io.senseprobe.alert.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.senseprobe.alert.AlertJson;
import io.senseprobe.alert.AlertKind;
import io.senseprobe.alert.AlertMessage;

/**
 * Microsoft Teams through a Workflows webhook ("When a Teams webhook request is received"): a message with one
 * Adaptive Card 1.4 attachment; the subject is a bold heading, each line of the text its own TextBlock.
 */
final class TeamsPayload {
    private static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";

    private TeamsPayload() {
    }

    static ObjectNode of(AlertMessage message) {
        ObjectNode body = AlertJson.MAPPER.createObjectNode();
        body.put("type", "message");
        ObjectNode attachment = body.putArray("attachments").addObject();
        attachment.put("contentType", CARD_TYPE);
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode cardBody = card.putArray("body");
        cardBody.addObject().put("type", "TextBlock").put("text", message.subject()).put("weight", "Bolder")
                .put("size", "Medium").put("wrap", true)
                .put("color", switch (message.kind()) {
                    case RESOLVED -> "Good";
                    case EXPIRING -> "Warning";
                    default -> "Attention";
                });
        for (String line : message.text().split("\\R")) {
            if (!line.isBlank()) {
                cardBody.addObject().put("type", "TextBlock").put("text", line).put("wrap", true)
                        .put("spacing", "None");
            }
        }
        return body;
    }
}
