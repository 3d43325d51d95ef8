package io.senseprobe.definition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every key a definition may hold (Ctrl-Q's option names) and which target and auth type it belongs to.
 * The CLI uses the same names when it turns {@code connection-test} options into a definition.
 */
public final class DefinitionKeys {
    public static final String NAME = "name";
    public static final String TARGET = "target";
    public static final String SECURE = "secure";
    public static final String TIMEOUT = "timeout";
    public static final String AUTH_TYPE = "auth-type";
    public static final String AUTH_ROOT_CERT_FILE = "auth-root-cert-file";

    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String VIRTUAL_PROXY = "virtual-proxy";
    public static final String AUTH_USER_DIR = "auth-user-dir";
    public static final String AUTH_USER_ID = "auth-user-id";
    public static final String AUTH_CERT_FILE = "auth-cert-file";
    public static final String AUTH_CERT_KEY_FILE = "auth-cert-key-file";
    public static final String AUTH_CERT_KEY_PASSPHRASE = "auth-cert-key-passphrase";
    public static final String AUTH_JWT = "auth-jwt";

    public static final String TENANT_HOST = "tenant-host";
    public static final String APIKEY = "apikey";

    public static final String INTERVAL = "interval";
    public static final String FAILURE_THRESHOLD = "failure-threshold";
    public static final String SUCCESS_THRESHOLD = "success-threshold";
    public static final String REMINDER_INTERVAL = "reminder-interval";
    public static final String RATE_LIMIT = "rate-limit";
    public static final String CHECKS = "checks";
    public static final String ENGINE_PORT = "engine-port";
    public static final String PROXY_PORT = "proxy-port";
    public static final String PROXY_URL = "proxy-url";
    public static final String ALERT_TO = "alert-to";
    public static final String MAINTENANCE = "maintenance";
    public static final String DEPENDS_ON = "depends-on";

    /** Where a key may appear; null means any target or any auth type. */
    private record Scope(Target target, AuthType authType) {
    }

    private static final Scope ANY = new Scope(null, null);
    private static final Scope QSEOW = new Scope(Target.QSEOW, null);
    private static final Scope QSEOW_CERT = new Scope(Target.QSEOW, AuthType.CERT);
    private static final Scope QSEOW_JWT = new Scope(Target.QSEOW, AuthType.JWT);
    private static final Scope QSCLOUD = new Scope(Target.QSCLOUD, null);

    private static final Map<String, Scope> SCOPES = new LinkedHashMap<>();

    static {
        for (String key : new String[] {NAME, TARGET, SECURE, TIMEOUT, AUTH_TYPE, AUTH_ROOT_CERT_FILE,
                INTERVAL, FAILURE_THRESHOLD, SUCCESS_THRESHOLD, REMINDER_INTERVAL, RATE_LIMIT, CHECKS,
                ENGINE_PORT, PROXY_PORT, PROXY_URL, ALERT_TO, MAINTENANCE, DEPENDS_ON}) {
            SCOPES.put(key, ANY);
        }
        SCOPES.put(HOST, QSEOW);
        SCOPES.put(PORT, QSEOW);
        SCOPES.put(VIRTUAL_PROXY, QSEOW);
        for (String key : new String[] {AUTH_USER_DIR, AUTH_USER_ID, AUTH_CERT_FILE, AUTH_CERT_KEY_FILE, AUTH_CERT_KEY_PASSPHRASE}) {
            SCOPES.put(key, QSEOW_CERT);
        }
        SCOPES.put(AUTH_JWT, QSEOW_JWT);
        SCOPES.put(TENANT_HOST, QSCLOUD);
        SCOPES.put(APIKEY, QSCLOUD);
    }

    private static final Set<String> SECRETS = Set.of(AUTH_CERT_KEY_PASSPHRASE, AUTH_JWT, APIKEY);

    private DefinitionKeys() {
    }

    /** All known keys, in documentation order. */
    public static Set<String> all() {
        return java.util.Collections.unmodifiableSet(SCOPES.keySet());
    }

    public static boolean isKnown(String key) {
        return SCOPES.containsKey(key);
    }

    /** Keys whose values are never written into messages, logs or results. */
    public static boolean isSecret(String key) {
        return SECRETS.contains(key);
    }

    /** The only target the key is for; empty when it is for every target (or unknown). */
    public static Optional<Target> targetOf(String key) {
        return Optional.ofNullable(SCOPES.get(key)).map(Scope::target);
    }

    /** The only auth type the key is for; empty when it is for every auth type (or unknown). */
    public static Optional<AuthType> authTypeOf(String key) {
        return Optional.ofNullable(SCOPES.get(key)).map(Scope::authType);
    }
}
