package io.senseprobe.alert.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.senseprobe.alert.AlertMessage;
import io.senseprobe.alert.AlertSettings;
import io.senseprobe.alert.Destination;
import io.senseprobe.check.http.BoundedAnswers;
import io.senseprobe.files.Version;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.http.HttpComponent;

/**
 * The destinations the settings turn on (a host or URL is set), as the beans their routes in routes/alerts.camel.yaml
 * call ({@code emailDestination}, {@code slackDestination}, ...), and the components those routes send through.
 */
public final class AlertDestinations {
    /** The component of the route alert-post; its own instance, apart from the checks' https (CheckHttpClient). */
    public static final String HTTP_COMPONENT = "alert-http";
    /** The route template of routes/alerts.camel.yaml that every destination's delivery route is made from. */
    public static final String TEMPLATE = "alert-destination";
    private static final int TIMEOUT_MS = 10_000;
    private static final Duration ANSWER_TIME = Duration.ofSeconds(30);

    private AlertDestinations() {
    }

    /**
     * Binds the destinations the settings turn on (default and named), and their components, before the routes are
     * loaded; once they are, each destination gets its delivery route alert-&lt;id&gt; from the template
     * alert-destination in routes/alerts.camel.yaml.
     */
    public static void install(CamelContext context, AlertSettings settings) {
        context.addComponent(HTTP_COMPONENT, httpComponent());
        context.getRegistry().bind("alertHttpAnswer", new HttpAnswer());
        Map<String, String> endpoints = new LinkedHashMap<>();
        boolean post = false;
        for (Destination d : settings.destinations()) {
            if (d.kind().equals(Destination.EMAIL)) {
                EmailDestination email = new EmailDestination(d.id(), d.email());
                // a mail component per destination: each has its own login, and no URI ever holds it
                String component = d.isDefault() ? EmailDestination.COMPONENT : EmailDestination.COMPONENT + "-" + d.id();
                bind(context, email);
                context.addComponent(component, email.component(context));
                endpoints.put(d.id(), component + "://" + email.server());
            } else {
                bind(context, new JsonWebhookDestination(d.id(), d.url(), payload(d.kind())));
                endpoints.put(d.id(), "direct:alert-post");
                post = true;
            }
        }
        context.getPropertiesComponent().addOverrideProperty("sense.service.alert-post", String.valueOf(post));
        try {
            context.addStartupListener(routes(endpoints));
        } catch (Exception e) {
            throw new IllegalStateException("Could not register the alert destinations' routes with Camel", e);
        }
    }

    /** Makes the delivery route of each destination ({@code endpoints}: id to the endpoint it sends to). */
    private static StartupListener routes(Map<String, String> endpoints) {
        return new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
            }

            /**
             * Once the context runs, so each route starts as it is added (one added while the context starts is
             * never started). This listener is registered before AlertDelivery's, whose replay needs the routes.
             */
            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) throws Exception {
                for (Map.Entry<String, String> e : endpoints.entrySet()) {
                    started.addRouteFromTemplate("alert-" + e.getKey(), TEMPLATE,
                            Map.of("id", e.getKey(), "endpoint", e.getValue()));
                }
            }
        };
    }

    private static Function<AlertMessage, ObjectNode> payload(String kind) {
        return switch (kind) {
            case Destination.SLACK -> SlackPayload::of;
            case Destination.TEAMS -> TeamsPayload::of;
            default -> WebhookPayload::of;
        };
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
        // camel-http reads the whole answer before HttpAnswer sees its status: a receiver that answers without end
        // (or a byte at a time) costs 1 MiB and 30 s at most, then the attempt fails and is retried
        http.setHttpClientConfigurer(builder -> builder.addExecInterceptorFirst(BoundedAnswers.NAME,
                new BoundedAnswers("the alert POST", ANSWER_TIME)));
        return http;
    }
}
