package io.senseprobe;

import io.senseprobe.auth.TlsContexts;
import io.senseprobe.check.AuthProcessor;
import io.senseprobe.check.CheckStart;
import io.senseprobe.check.EngineVersionCall;
import io.senseprobe.check.FailureClassifier;
import io.senseprobe.check.LocalExpiry;
import io.senseprobe.check.ResponseInterpreter;
import io.senseprobe.check.ResultFactory;
import io.senseprobe.check.http.CheckHttpClient;
import io.senseprobe.files.Version;
import io.senseprobe.result.ExpiryWarnings;
import io.senseprobe.service.ServiceSettings;
import io.senseprobe.settings.SettingsReader;
import java.time.Clock;
import java.util.ArrayList;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.Registry;

/** Binds, by name, the beans the routes use; shared by the service (Camel Main) and the one-shot CLI. */
public class SenseProbeBeans implements CamelConfiguration {
    private final Clock clock;

    public SenseProbeBeans() {
        this(Clock.systemUTC());
    }

    public SenseProbeBeans(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void configure(CamelContext context) {
        Registry registry = context.getRegistry();
        TlsContexts tls = new TlsContexts();
        ResultFactory results = new ResultFactory(clock, expiryWarnings(context));
        registry.bind("clock", clock);
        registry.bind("tlsContexts", tls);
        registry.bind("resultFactory", results);
        registry.bind("checkStart", new CheckStart(results));
        registry.bind("localExpiry", new LocalExpiry(tls, results));
        registry.bind("authProcessor", new AuthProcessor(tls));
        registry.bind("responseInterpreter", new ResponseInterpreter(results));
        registry.bind("failureClassifier", new FailureClassifier(results));
        registry.bind("engineVersionCall", new EngineVersionCall(tls, results));
        registry.bind("checkHttpClient", CheckHttpClient.install(context));
        configureHttps(context.getComponent("https", HttpComponent.class));
    }

    /** sense.expiry.warn-days as the context's properties have it; the service validates it (ServiceSettings). */
    private static ExpiryWarnings expiryWarnings(CamelContext context) {
        SettingsReader reader = new SettingsReader(key -> context.getPropertiesComponent().resolveProperty(key).orElse(null),
                new ArrayList<>());
        return new ExpiryWarnings(ServiceSettings.expiryWarnDays(reader));
    }

    private static void configureHttps(HttpComponent https) {
        // pooled connections are kept per credential by the check's pool key (CheckHttpClient), not by the client's
        // own connection state, which names only the certificate's subject (CN=QlikClient for every QMC export)
        https.setConnectionStateDisabled(true);
        // redirects and retries are decided by the check route (one same-origin redirect, 429 within the deadline)
        https.setRedirectHandlingDisabled(true);
        https.setAutomaticRetriesDisabled(true);
        https.setCookieManagementDisabled(true);
        https.setUserAgent("sense-probe/" + Version.get());
    }
}
