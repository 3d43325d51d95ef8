package io.senseprobe.alert.provider;

import io.senseprobe.files.Version;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.senseprobe.alert.AlertMessage;
import io.senseprobe.alert.AlertSettings;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;

/**
 * The destinations the settings turn on (a host or URL is set), as the beans their routes in routes/alerts.camel.yaml
 * call ({@code emailDestination}, {@code slackDestination}, ...), and the components those routes send through.
 */
public final class AlertDestinations {
    /** The component of the route alert-post; its own instance, apart from the checks' https (CheckHttpClient). */
    public static final String HTTP_COMPONENT = "alert-http";
    private static final int TIMEOUT_MS = 10_000;

    private AlertDestinations() {
    }

    /** Binds the destinations the settings turn on, and their components; before the routes are loaded. */
    public static void install(CamelContext context, AlertSettings settings) {
        context.addComponent(HTTP_COMPONENT, httpComponent());
        context.getRegistry().bind("alertHttpAnswer", new HttpAnswer());
        if (settings.email() != null) {
            EmailDestination email = new EmailDestination(settings.email());
            bind(context, email);
            context.addComponent(EmailDestination.COMPONENT, email.component(context));
            context.getPropertiesComponent().addOverrideProperty("sense.service.alert-smtp-server", email.server());
        }
        boolean slack = bindPost(context, "slack", settings.slackUrl(), SlackPayload::of);
        boolean teams = bindPost(context, "teams", settings.teamsUrl(), TeamsPayload::of);
        boolean webhook = bindPost(context, "webhook", settings.webhookUrl(), WebhookPayload::of);
        context.getPropertiesComponent().addOverrideProperty("sense.service.alert-post", String.valueOf(slack || teams || webhook));
    }

    /** Binds the JSON webhook destination {@code id} when its URL is set; true when it did. */
    private static boolean bindPost(CamelContext context, String id, String url, Function<AlertMessage, ObjectNode> payload) {
        if (url != null) {
            bind(context, new JsonWebhookDestination(id, url, payload));
        }
        return url != null;
    }

    private static void bind(CamelContext context, AlertDestination destination) {
        context.getRegistry().bind(destination.id() + "Destination", destination);
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
