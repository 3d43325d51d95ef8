package io.senseprobe;

import io.senseprobe.auth.AuthProcessor;
import io.senseprobe.auth.TlsContexts;
import io.senseprobe.check.FailureClassifier;
import io.senseprobe.check.ResponseInterpreter;
import io.senseprobe.check.ResultFactory;
import java.time.Clock;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.Registry;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;

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
        TlsContexts tls = new TlsContexts(context);
        ResultFactory results = new ResultFactory(clock, tls.observations());
        registry.bind("clock", clock);
        registry.bind("tlsContexts", tls);
        registry.bind("resultFactory", results);
        registry.bind("authProcessor", new AuthProcessor(tls));
        registry.bind("responseInterpreter", new ResponseInterpreter(results));
        registry.bind("failureClassifier", new FailureClassifier(results));
        registry.bind(AuthProcessor.VERIFY_HOST_NAMES, new DefaultHostnameVerifier());
        registry.bind(AuthProcessor.SKIP_HOST_NAMES, NoopHostnameVerifier.INSTANCE);
        configureHttps(context.getComponent("https", HttpComponent.class));
    }

    private static void configureHttps(HttpComponent https) {
        // pooled mutual-TLS connections are reused only when the client does not track connection state
        https.setConnectionStateDisabled(true);
        // redirects and retries are decided by the check route (one same-origin redirect, 429 within the deadline)
        https.setRedirectHandlingDisabled(true);
        https.setAutomaticRetriesDisabled(true);
        https.setCookieManagementDisabled(true);
        https.setUserAgent("sense-probe/" + Version.get());
    }
}
