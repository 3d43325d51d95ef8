package io.senseprobe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExchangePropertiesTest {
    private static final Pattern USE = Pattern.compile("exchangeProperty\\.(\\w+)|setProperty:\\s+name:\\s+(\\w+)");

    @Test
    void theRoutesUseExactlyTheNamedProperties() throws Exception {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                Matcher m = USE.matcher(Files.readString(route));
                while (m.find()) {
                    used.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        Set<String> named = new TreeSet<>();
        for (Field f : ExchangeProperties.class.getFields()) {
            named.add((String) f.get(null));
        }
        named.remove(ExchangeProperties.PROXY); // set and read in Java only
        assertEquals(named, used);
    }
}
