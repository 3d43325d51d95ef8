package io.senseprobe.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults for the options of connection-test, check and run from the environment: SENSE_PROBE_<OPTION> first, then Ctrl-Q's CTRLQ_*
 * variables, so a Ctrl-Q user's environment works unchanged. A flag on the command line wins over both.
 */
public final class EnvDefaults implements IDefaultValueProvider {
    static final Map<String, String> CTRLQ = Map.ofEntries(
            Map.entry("host", "CTRLQ_HOST"),
            Map.entry("port", "CTRLQ_PORT"),
            Map.entry("virtual-proxy", "CTRLQ_VIRTUAL_PROXY"),
            Map.entry("secure", "CTRLQ_SECURE"),
            Map.entry("auth-type", "CTRLQ_AUTH_TYPE"),
            Map.entry("auth-cert-file", "CTRLQ_CERT_FILE"),
            Map.entry("auth-cert-key-file", "CTRLQ_CERT_KEY_FILE"),
            Map.entry("auth-root-cert-file", "CTRLQ_ROOT_CERT_FILE"),
            Map.entry("auth-user-dir", "CTRLQ_USER_DIR"),
            Map.entry("auth-user-id", "CTRLQ_USER_ID"),
            Map.entry("auth-jwt", "CTRLQ_AUTH_JWT"),
            Map.entry("tenant-host", "CTRLQ_TENANT_HOST"),
            Map.entry("apikey", "CTRLQ_API_KEY"),
            Map.entry("log-level", "CTRLQ_LOG_LEVEL"));

    private final Function<String, String> env;

    public EnvDefaults() {
        this(System::getenv);
    }

    EnvDefaults(Function<String, String> env) {
        this.env = env;
    }

    public static String senseProbeVariable(String option) {
        return "SENSE_PROBE_" + option.toUpperCase().replace('-', '_');
    }

    /** The variables that set {@code option} (its long name without "--"), in the order they are read. */
    public static List<String> variables(String option) {
        return CTRLQ.containsKey(option) ? List.of(senseProbeVariable(option), CTRLQ.get(option)) : List.of(senseProbeVariable(option));
    }

    /** How an option's help names its variables: "Env: SENSE_PROBE_HOST, CTRLQ_HOST." */
    static String helpText(String option) {
        return "Env: " + String.join(", ", variables(option)) + ".";
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        for (String variable : variables(option.longestName().replaceFirst("^--", ""))) {
            String value = env.apply(variable);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
