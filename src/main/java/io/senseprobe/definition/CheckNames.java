package io.senseprobe.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names a definition's {@code checks:} list may hold, which connections each fits, and the checks a definition
 * without the key gets. The calls themselves are {@code check.SenseCheck}'s; the names live here so the validator
 * can check them without depending on the check package.
 */
public final class CheckNames {
    public static final String QRS_ABOUT = "qrs-about";
    public static final String SERVICES = "services";
    public static final String ENGINE_HEALTH = "engine-health";
    public static final String ENGINE_VERSION = "engine-version";
    public static final String PROXY = "proxy";
    public static final String USERS_ME = "users-me";
    public static final String TENANT = "tenant";

    /** The target a check is for, and whether it needs the client certificate (engine and proxy ports: mutual TLS only). */
    private record Fit(Target target, boolean certOnly) {
    }

    private static final Map<String, Fit> FITS = new LinkedHashMap<>();

    static {
        FITS.put(QRS_ABOUT, new Fit(Target.QSEOW, false));
        FITS.put(SERVICES, new Fit(Target.QSEOW, false));
        FITS.put(ENGINE_HEALTH, new Fit(Target.QSEOW, true));
        FITS.put(ENGINE_VERSION, new Fit(Target.QSEOW, true));
        FITS.put(PROXY, new Fit(Target.QSEOW, true));
        FITS.put(USERS_ME, new Fit(Target.QSCLOUD, false));
        FITS.put(TENANT, new Fit(Target.QSCLOUD, false));
    }

    private CheckNames() {
    }

    /** Every check name, in documentation order. */
    public static Set<String> all() {
        return java.util.Collections.unmodifiableSet(FITS.keySet());
    }

    /** The check a site of the target is tested with when nothing else is asked for (Ctrl-Q's connection test). */
    public static String defaultOf(Target target) {
        return target == Target.QSCLOUD ? USERS_ME : QRS_ABOUT;
    }

    /**
     * The checks of a definition: its {@code checks:} list, or the target's default check plus {@code engine-health}
     * when {@code engine-port} is set and {@code proxy} when {@code proxy-port} is set. Everything else is opt-in:
     * a site whose engine port is firewalled must not start alerting after an upgrade.
     */
    public static List<String> of(Definition d) {
        if (d.overrides().checks() != null) {
            return d.overrides().checks();
        }
        List<String> checks = new ArrayList<>(List.of(defaultOf(d.target())));
        if (d.overrides().enginePort() != null) {
            checks.add(ENGINE_HEALTH);
        }
        if (d.overrides().proxyPort() != null) {
            checks.add(PROXY);
        }
        return List.copyOf(checks);
    }

    /**
     * The {@code checks:} list as given, each name known and fitting the connection, in lower case without
     * duplicates; null when absent or (with a problem recorded for each fault) wrong.
     */
    static List<String> validate(ConnectionValues values, List<String> given, Target target, AuthType authType) {
        if (given == null) {
            return null;
        }
        if (given.isEmpty()) {
            values.problem(DefinitionKeys.CHECKS, "is an empty list.",
                    "Name the checks to run, e.g. \"checks: [" + defaultOf(target == null ? Target.QSEOW : target)
                            + "]\", or remove the key for the default ones.");
            return null;
        }
        Set<String> checks = new LinkedHashSet<>();
        boolean bad = false;
        for (String name : given) {
            String id = name.trim().toLowerCase(Locale.ROOT);
            Fit fit = FITS.get(id);
            if (fit == null) {
                String suggestion = Suggestions.didYouMean(id, all());
                values.problem(DefinitionKeys.CHECKS, "unknown check \"" + name + "\".",
                        (suggestion.isEmpty() ? "" : suggestion + " ") + "Checks are " + String.join(", ", all()) + ".");
                bad = true;
            } else if (target != null && fit.target() != target) {
                values.problem(DefinitionKeys.CHECKS, "the check \"" + id + "\" is for " + fit.target().id()
                        + " connections, but this one has target " + target.id() + ".",
                        "Remove it; " + target.id() + " connections can run " + String.join(", ", forTarget(target)) + ".");
                bad = true;
            } else if (fit.certOnly() && authType != null && authType != AuthType.CERT) {
                values.problem(DefinitionKeys.CHECKS, "the check \"" + id + "\" needs auth-type cert: the engine and"
                        + " proxy ports take only a client certificate, not a " + authType.id() + ".",
                        "Remove it, or check this site with a definition of auth-type cert.");
                bad = true;
            } else if (!checks.add(id)) {
                values.problem(DefinitionKeys.CHECKS, "names the check \"" + id + "\" twice.", "Remove one of them.");
                bad = true;
            }
        }
        return bad ? null : List.copyOf(checks);
    }

    /** A valid engine-port or proxy-port only serves client-managed sites with a client certificate. */
    static void portFits(ConnectionValues values, String key, Integer port, Target target, AuthType authType) {
        if (port == null) {
            return;
        }
        String service = key.equals(DefinitionKeys.ENGINE_PORT) ? "engine" : "proxy API";
        if (target == Target.QSCLOUD) {
            values.problem(key, "belongs to qseow connections: Qlik Cloud has no " + service + " port of its own.",
                    "Remove it.");
        } else if (authType != null && authType != AuthType.CERT) {
            values.problem(key, "needs auth-type cert: the " + service + " port takes only a client certificate, not a "
                    + authType.id() + ".", "Remove it, or check this site with a definition of auth-type cert.");
        }
    }

    private static List<String> forTarget(Target target) {
        return FITS.entrySet().stream().filter(e -> e.getValue().target() == target).map(Map.Entry::getKey).toList();
    }
}
