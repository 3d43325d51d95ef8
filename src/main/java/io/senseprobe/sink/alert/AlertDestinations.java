package io.senseprobe.sink.alert;

import io.senseprobe.alert.AlertSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;

/** The destinations the settings turn on (a host or URL is set), in a fixed order. */
public final class AlertDestinations {
    private AlertDestinations() {
    }

    public static List<AlertDestination> from(CamelContext context, AlertSettings settings) {
        List<AlertDestination> destinations = new ArrayList<>();
        if (settings.email() != null) {
            destinations.add(new EmailDestination(context, settings.email()));
        }
        JsonPoster poster = new JsonPoster();
        if (settings.slackUrl() != null) {
            destinations.add(new SlackDestination(settings.slackUrl(), poster));
        }
        if (settings.teamsUrl() != null) {
            destinations.add(new TeamsDestination(settings.teamsUrl(), poster));
        }
        if (settings.webhookUrl() != null) {
            destinations.add(new WebhookDestination(settings.webhookUrl(), poster));
        }
        return destinations;
    }
}
