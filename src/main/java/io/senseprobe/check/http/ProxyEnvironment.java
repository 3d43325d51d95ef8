package io.senseprobe.check.http;

import io.senseprobe.definition.AuthType;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.ProxyAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Which proxy a check goes through, as curl decides it for an https URL: a definition's own {@code proxy-url}
 * always; otherwise {@code https_proxy} (or {@code HTTPS_PROXY}) for Qlik Cloud and JWT connections, unless the
 * host matches {@code no_proxy} (or {@code NO_PROXY}): {@code *} matches every host, any other entry the host itself
 * and the names below it ({@code corp.example} and {@code .corp.example} both match {@code sense.corp.example}), case
 * ignored. Certificate connections (QRS on 4242, inside the site's network) go direct unless {@code proxy-url} says
 * otherwise. An invalid variable fails each check that would use it, saying which variable and why.
 *
 * @param variable   the name the proxy was read from ({@code https_proxy} or {@code HTTPS_PROXY}), null when none
 * @param httpsProxy its value, null when none
 * @param noProxy    the no_proxy entries, lower case, leading dots removed
 */
public record ProxyEnvironment(String variable, String httpsProxy, List<String> noProxy) {
    public static final ProxyEnvironment NONE = new ProxyEnvironment(null, null, List.of());

    /** As curl reads them: the lower-case name first. */
    public static ProxyEnvironment of(Function<String, String> environment) {
        String variable = firstSet(environment, "https_proxy", "HTTPS_PROXY");
        String noProxyVariable = firstSet(environment, "no_proxy", "NO_PROXY");
        List<String> noProxy = noProxyVariable == null ? List.of()
                : Arrays.stream(environment.apply(noProxyVariable).split("[,\\s]+"))
                        .map(entry -> entry.trim().toLowerCase(Locale.ROOT).replaceFirst("^\\.+", ""))
                        .filter(entry -> !entry.isEmpty()).toList();
        return new ProxyEnvironment(variable, variable == null ? null : environment.apply(variable), noProxy);
    }

    public static ProxyEnvironment system() {
        return of(System::getenv);
    }

    private static String firstSet(Function<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.apply(name);
            if (value != null && !value.isBlank()) {
                return name;
            }
        }
        return null;
    }

    /**
     * The proxy for a request of {@code definition} to {@code host}, null for a direct connection.
     *
     * @throws IllegalArgumentException the proxy variable is not a proxy URL (the message says so)
     */
    public ProxyAddress proxyFor(Definition definition, String host) {
        if (definition.overrides().proxyUrl() != null) {
            return ProxyAddress.ofValidated(definition.overrides().proxyUrl());
        }
        if (httpsProxy == null || definition.authType() == AuthType.CERT || bypassed(host)) {
            return null;
        }
        return ProxyAddress.fromEnvironment(variable, httpsProxy);
    }

    /** curl's no_proxy match: {@code *}, the host itself, or a name below an entry. */
    boolean bypassed(String host) {
        String h = host.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (String entry : noProxy) {
            if (entry.equals("*") || h.equals(entry) || h.endsWith("." + entry)) {
                return true;
            }
        }
        return false;
    }
}
