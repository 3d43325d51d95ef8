package io.senseprobe.sink.alert;

import io.senseprobe.alert.AlertMessage;
import io.senseprobe.alert.AlertSettings;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mail.MailEndpoint;

/**
 * E-mail through camel-mail: subject and text from the templates, to every {@code sense.alert.email.to} address.
 * The password is set on the endpoint's configuration, never in its URI, so no endpoint listing shows it.
 */
public final class EmailDestination implements AlertDestination {
    public static final String ID = "email";
    private static final int TIMEOUT_MS = 10_000;

    private final CamelContext context;
    private final AlertSettings.Email settings;
    private volatile MailEndpoint endpoint;
    private volatile ProducerTemplate producer;

    public EmailDestination(CamelContext context, AlertSettings.Email settings) {
        this.context = context;
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void send(AlertMessage message) throws Exception {
        Map<String, Object> headers = Map.of(
                "From", settings.from(),
                "To", String.join(", ", settings.to()),
                "Subject", message.subject());
        producer().sendBodyAndHeaders(endpoint(), message.text(), headers);
    }

    private synchronized MailEndpoint endpoint() {
        if (endpoint == null) {
            // the query only tells this endpoint apart from any other smtp endpoint of the context
            MailEndpoint e = context.getEndpoint("smtp://" + settings.host() + ":" + settings.port()
                    + "?connectionTimeout=" + TIMEOUT_MS, MailEndpoint.class);
            var config = e.getConfiguration();
            config.setContentType("text/plain; charset=UTF-8");
            if (settings.username() != null) {
                config.setUsername(settings.username());
                config.setPassword(settings.password());
            }
            Properties extra = new Properties();
            extra.setProperty("mail.smtp.timeout", String.valueOf(TIMEOUT_MS));
            extra.setProperty("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MS));
            if (settings.starttls()) {
                extra.setProperty("mail.smtp.starttls.enable", "true");
                extra.setProperty("mail.smtp.starttls.required", "true");
            }
            config.setAdditionalJavaMailProperties(extra);
            endpoint = e;
        }
        return endpoint;
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = context.createProducerTemplate();
        }
        return producer;
    }
}
