package io.senseprobe.alert;

import io.senseprobe.definition.AuthType;
import io.senseprobe.definition.Definition;
import io.senseprobe.definition.MaintenanceWindow;
import io.senseprobe.definition.Target;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Definitions with maintenance windows and depends-on, as the inventory hands them to the alert service. */
final class Holds {
    private Holds() {
    }

    static Definition definition(String name, String dependsOn, String windows) {
        List<MaintenanceWindow> maintenance = MaintenanceWindow.parseList(windows);
        Definition.Overrides overrides = new Definition.Overrides(null, null, null, null, null, null, null, null, null,
                null, maintenance, dependsOn);
        return new Definition(name, Target.QSEOW, "sense.example.com", 4242, "", AuthType.CERT, null, null, null,
                null, null, null, null, null, true, Definition.DEFAULT_TIMEOUT, overrides, Path.of("connections.yaml"));
    }

    static Map<String, Definition> byName(Definition... definitions) {
        Map<String, Definition> map = new HashMap<>();
        for (Definition d : definitions) {
            map.put(d.name(), d);
        }
        return map;
    }
}
