package io.senseprobe.check;

import io.senseprobe.definition.Definition;
import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.impl.TunnelRefusedException;

/**
 * What went wrong on the way through an HTTPS proxy: the proxy answered the CONNECT with an error, cannot be reached,
 * or HTTPS_PROXY is not a proxy URL. Through a proxy the site's name is resolved by the proxy, so an unknown host
 * here is the proxy's own name. Null: not a proxy failure (what the site did inside the tunnel is classified as usual).
 */
final class ProxyFailures {
    private ProxyFailures() {
    }

    static CheckResult classify(ResultFactory results, CheckAttempt attempt, List<Throwable> chain, String proxy) {
        Definition d = attempt.definition();
        String site = attempt.address();
        for (Throwable t : chain) {
            if (t instanceof ProxySettingException) {
                return results.failed(attempt, Category.PROXY, t.getMessage(),
                        "Fix the variable in the environment of sense-probe, or unset it to connect directly.");
            }
            if (t instanceof TunnelRefusedException refused && proxy != null) {
                int code = refused.getResponse() == null ? 0 : refused.getResponse().getCode();
                String status = refused.getResponse() == null ? refused.getMessage()
                        : code + (refused.getResponse().getReasonPhrase() == null ? "" : " " + refused.getResponse().getReasonPhrase());
                return results.failed(attempt, Category.PROXY, "The proxy " + proxy + " refused the tunnel to " + site
                        + " (HTTP " + status.trim() + ").", code == 407
                        ? "The proxy wants a login, which sense-probe does not support: let this host through without one, or add " + d.host() + " to NO_PROXY."
                        : "Ask for CONNECT to " + site + " to be allowed on the proxy, or add " + d.host() + " to NO_PROXY to connect directly.");
            }
        }
        if (proxy == null) {
            return null;
        }
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException) {
                return results.failed(attempt, Category.PROXY, "The proxy host of " + proxy + " cannot be resolved.",
                        "Check the proxy's name in proxy-url or HTTPS_PROXY.");
            }
            if (t instanceof ConnectException) {
                return results.failed(attempt, Category.PROXY, "Nothing accepts connections at the proxy " + proxy
                        + " (used for " + site + ").", "Check the proxy's host and port in proxy-url or HTTPS_PROXY, and that the proxy is up.");
            }
        }
        return null;
    }
}
