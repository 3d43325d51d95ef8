package io.senseprobe.alert.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.senseprobe.alert.AlertJson;
import io.senseprobe.alert.AlertMessage;

/**
 * Slack incoming webhook: {@code {"text": subject, "blocks": [header, section]}}, and a context block with the
 * count for a grouped message. The text is the notification's
 * fallback; the section shows the rendered text as a code block so its columns stay aligned.
 */
final class SlackPayload {
    // Slack's limits: header text 150 characters, section text 3000
    private static final int HEADER_MAX = 150;
    private static final int SECTION_MAX = 3000;

    private SlackPayload() {
    }

    static ObjectNode of(AlertMessage message) {
        ObjectNode body = AlertJson.MAPPER.createObjectNode();
        body.put("text", escape(message.subject()));
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode header = blocks.addObject();
        header.put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(message.subject(), HEADER_MAX));
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        String fence = "```";
        section.putObject("text").put("type", "mrkdwn")
                .put("text", fence + cut(escape(message.text()), SECTION_MAX - 2 * fence.length()) + fence);
        if (message.hasGroup()) {
            // a grouped message: how many connections it stands for, below the list (which may be cut)
            blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                    .put("text", message.group().size() + " connections " + message.kind().id());
        }
        return body;
    }

    /** Slack reads &, < and > as markup in mrkdwn text. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
