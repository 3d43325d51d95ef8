package io.senseprobe.alert;

import io.senseprobe.settings.SettingsReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named destinations, {@code sense.alert.destinations.<id>.type} with that kind's keys under the same prefix
 * ({@code .url}; {@code .host}, {@code .port}, {@code .from}, {@code .to}, ... for e-mail). A bad one is a warning
 * (the id, what is wrong, the fix) and left out; the service starts with the others. The ids come from the keys the
 * properties file, the overrides and {@code -D} give, and from {@code SENSE_ALERT_DESTINATIONS_<ID>_TYPE} variables
 * (an {@code _} inside the id is a {@code -}: {@code CUSTOMER_A} is {@code customer-a}).
 */
public final class NamedDestinations {
    public static final String PREFIX = AlertSettings.PREFIX + "destinations.";
    /** Lower-case letters, digits and single dashes: the id is part of spool file names and route ids. */
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern KEY = Pattern.compile(Pattern.quote(PREFIX) + "([^.]+)\\.([a-z-]+)");
    private static final Pattern VARIABLE = Pattern.compile("SENSE_ALERT_DESTINATIONS_([A-Z0-9_]+?)_(TYPE|URL|HOST)");
    private static final Set<String> EMAIL_KEYS = Set.of("type", "host", "port", "from", "to", "username", "password",
            "starttls");
    private static final Set<String> POST_KEYS = Set.of("type", "url");

    private NamedDestinations() {
    }

    /**
     * The ids that {@code keys} (property names) and {@code variables} (environment variable names) mention, sorted.
     */
    public static Set<String> idsIn(Collection<String> keys, Collection<String> variables) {
        Set<String> ids = new TreeSet<>();
        for (String key : keys) {
            Matcher m = KEY.matcher(key);
            if (m.matches()) {
                ids.add(m.group(1));
            }
        }
        for (String variable : variables) {
            Matcher m = VARIABLE.matcher(variable);
            if (m.matches()) {
                ids.add(m.group(1).toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        return ids;
    }

    /** The valid destinations among {@code ids}, with a warning for each one left out and each unknown key. */
    static List<Destination> read(Set<String> ids, Collection<String> keys, Function<String, String> lookup,
            List<String> warnings) {
        List<Destination> destinations = new ArrayList<>();
        for (String id : ids) {
            String prefix = PREFIX + id + ".";
            if (!ID.matcher(id).matches()) {
                warnings.add(prefix + "*: \"" + id + "\" is not a destination id; use lower-case letters, digits and"
                        + " dashes (e.g. customer-a). Left out.");
                continue;
            }
            if (Destination.KINDS.contains(id)) {
                warnings.add(prefix + "*: \"" + id + "\" is the id of the default " + id + " destination (" + AlertSettings.PREFIX
                        + id + ".*); give the named one another id. Left out.");
                continue;
            }
            SettingsReader values = new SettingsReader(lookup, warnings);
            String type = values.get(prefix + "type");
            if (type == null) {
                warnings.add(prefix + "type is missing: set it to email, slack, teams or webhook. The destination " + id
                        + " is left out.");
                continue;
            }
            String kind = type.toLowerCase(Locale.ROOT);
            if (!Destination.KINDS.contains(kind)) {
                warnings.add(prefix + "type = \"" + type + "\": unknown type; use email, slack, teams or webhook. The"
                        + " destination " + id + " is left out.");
                continue;
            }
            Set<String> allowed = kind.equals(Destination.EMAIL) ? EMAIL_KEYS : POST_KEYS;
            for (String key : keys) {
                Matcher m = KEY.matcher(key);
                if (m.matches() && m.group(1).equals(id) && !allowed.contains(m.group(2))) {
                    warnings.add(key + ": not a key of a " + kind + " destination (it takes " + String.join(", ",
                            new TreeSet<>(allowed)) + "); ignored.");
                }
            }
            int before = warnings.size();
            Destination d = kind.equals(Destination.EMAIL)
                    ? new Destination(id, kind, AlertSettings.readEmail(prefix, lookup, warnings, true), null)
                    : new Destination(id, kind, null, AlertSettings.readUrl(prefix + "url", lookup, warnings, kind, true));
            if (warnings.size() > before || (d.email() == null && d.url() == null)) {
                warnings.add("The " + kind + " destination " + id + " is left out until " + prefix + "* is fixed.");
                continue;
            }
            destinations.add(d);
        }
        return destinations;
    }

    /** Named ids that no definition's {@code alert-to} names: a warning each (they would never get a message). */
    public static List<String> unused(List<Destination> destinations, Collection<List<String>> alertTos) {
        Set<String> named = new TreeSet<>();
        alertTos.forEach(list -> {
            if (list != null) {
                named.addAll(list);
            }
        });
        List<String> warnings = new ArrayList<>();
        for (Destination d : destinations) {
            if (!d.isDefault() && !named.contains(d.id())) {
                warnings.add("Alert destination " + d.id() + " (" + PREFIX + d.id() + ".*) is not named in any"
                        + " connection's alert-to, so it gets no alert; add \"alert-to: [" + d.id() + "]\" to the"
                        + " connections meant for it, or remove it.");
            }
        }
        return warnings;
    }

    /** Named-destination keys a map holds (tests and the CLI, which read a properties file as a map). */
    public static Set<String> ids(Map<String, String> properties) {
        return idsIn(properties.keySet(), List.of());
    }
}
