package io.senseprobe.alert.provider;

import io.senseprobe.Version;
import io.senseprobe.alert.AlertSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;

/**
 * The destinations the settings turn on (a host or URL is set), bound as the beans their routes in
 * routes/alerts.camel.yaml call ({@code emailDestination}, {@code slackDestination}, ...), with the components
 * those routes send through.
 */
public final class AlertDestinations {
    /** The component of the route alert-post; its own instance, apart from the checks' https (CheckHttpClient). */
    public static final String HTTP_COMPONENT = "alert-http";
    private static final int TIMEOUT_MS = 10_000;

    private AlertDestinations() {
    }

    private static List<AlertDestination> from(AlertSettings settings) {
        List<AlertDestination> destinations = new ArrayList<>();
        if (settings.email() != null) {
            destinations.add(new EmailDestination(settings.email()));
        }
        if (settings.slackUrl() != null) {
            destinations.add(new SlackDestination(settings.slackUrl()));
        }
        if (settings.teamsUrl() != null) {
            destinations.add(new TeamsDestination(settings.teamsUrl()));
        }
        if (settings.webhookUrl() != null) {
            destinations.add(new WebhookDestination(settings.webhookUrl()));
        }
        return destinations;
    }

    /** Binds the destinations of the settings and their components; before the routes are loaded. */
    public static void install(CamelContext context, AlertSettings settings) {
        context.addComponent(HTTP_COMPONENT, httpComponent());
        context.getRegistry().bind("alertHttpAnswer", new HttpAnswer());
        for (AlertDestination destination : from(settings)) {
            context.getRegistry().bind(destination.id() + "Destination", destination);
            if (destination instanceof EmailDestination email) {
                context.addComponent(EmailDestination.COMPONENT, email.component(context));
                context.getPropertiesComponent().addOverrideProperty("sense.service.alert-smtp-server", email.server());
            }
        }
    }

    private static HttpComponent httpComponent() {
        HttpComponent http = new HttpComponent();
        http.setConnectTimeout(TIMEOUT_MS);
        http.setConnectionRequestTimeout(TIMEOUT_MS);
        http.setResponseTimeout(TIMEOUT_MS);
        http.setSoTimeout(TIMEOUT_MS);
        // a redirect would be a second request to an address nobody configured; retries are the route's
        http.setRedirectHandlingDisabled(true);
        http.setAutomaticRetriesDisabled(true);
        http.setCookieManagementDisabled(true);
        http.setUserAgent("sense-probe/" + Version.get());
        return http;
    }
}
