package io.senseprobe.alert.provider;

import io.senseprobe.alert.AlertMessage;
import io.senseprobe.alert.AlertSettings;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;

/**
 * E-mail through camel-mail: subject and text from the templates, to every {@code sense.alert.email.to} address.
 * Login and timeouts are set on the route's own mail component ({@link #COMPONENT}), never in a URI, so no endpoint
 * listing shows the password and no other smtp endpoint of the context gets the login.
 */
public record EmailDestination(String id, AlertSettings.Email settings) implements AlertDestination {
    public static final String ID = "email";
    public static final String COMPONENT = "alert-smtp";
    private static final int TIMEOUT_MS = 10_000;

    /** The default e-mail destination, {@code sense.alert.email.*}. */
    public EmailDestination(AlertSettings.Email settings) {
        this(ID, settings);
    }

    @Override
    public void request(AlertMessage message, Message request) {
        request.setBody(message.text());
        request.setHeader("From", settings.from());
        request.setHeader("To", String.join(", ", settings.to()));
        request.setHeader("Subject", message.subject());
    }

    /** The component behind {@code alert-smtp://host:port}; the URI's scheme is ignored, the protocol is smtp. */
    MailComponent component(CamelContext context) {
        MailConfiguration config = new MailConfiguration(context);
        config.configureProtocol("smtp");
        config.setIgnoreUriScheme(true);
        config.setContentType("text/plain; charset=UTF-8");
        config.setConnectionTimeout(TIMEOUT_MS);
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
        return new MailComponent(config);
    }

    String server() {
        return settings.host() + ":" + settings.port();
    }
}
