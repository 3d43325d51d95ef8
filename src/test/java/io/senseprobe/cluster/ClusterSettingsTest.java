package io.senseprobe.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.settings.SettingsReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {
    private static final Path HOME = Path.of("/srv/sense-probe");
    private final List<String> problems = new ArrayList<>();

    private ClusterSettings read(Map<String, String> values) {
        return ClusterSettings.read(new SettingsReader(values::get, problems), HOME, HOME.resolve("out"));
    }

    @Test
    void offByDefaultWithTheLockBesideTheResults() {
        ClusterSettings s = read(Map.of());
        assertFalse(s.enabled());
        assertEquals("sense-probe", s.namespace());
        assertEquals(HOME.resolve("out/cluster"), s.fileRoot());
        assertEquals(Duration.ofSeconds(2), s.fileInterval());
        assertEquals(Duration.ofSeconds(10), s.takeoverWithin(), "2 s x (3 stale + 2)");
        assertEquals(List.of(), problems);
    }

    @Test
    void fileWithItsOwnFolderAndHeartbeat() {
        ClusterSettings s = read(Map.of(ClusterSettings.SERVICE, "FILE", ClusterSettings.FILE_ROOT, "/shared/lock",
                ClusterSettings.FILE_INTERVAL, "1s", ClusterSettings.FILE_STALE_AFTER, "4"));
        assertEquals(ClusterSettings.Kind.FILE, s.service());
        assertEquals(Path.of("/shared/lock"), s.fileRoot());
        assertEquals(Duration.ofSeconds(6), s.takeoverWithin());
        assertEquals(List.of(), problems);
    }

    @Test
    void everyBadValueIsAProblemWithTheFix() {
        read(Map.of(ClusterSettings.SERVICE, "zookeeper", ClusterSettings.NAMESPACE, "a/b",
                ClusterSettings.FILE_INTERVAL, "10ms", ClusterSettings.FILE_STALE_AFTER, "1"));
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("sense.cluster.service = \"zookeeper\": write none"), problems.get(0));
        assertTrue(problems.get(1).startsWith("sense.cluster.namespace = \"a/b\""), problems.get(1));
        assertTrue(problems.get(2).startsWith("sense.cluster.file.interval = \"10ms\": must be at least 100ms"), problems.get(2));
        assertTrue(problems.get(3).startsWith("sense.cluster.file.stale-after = \"1\""), problems.get(3));
    }

    @Test
    void kubernetesNeedsTheKubernetesBuild() {
        ClusterSettings s = read(Map.of(ClusterSettings.SERVICE, "kubernetes"));
        assertFalse(s.enabled());
        assertEquals(List.of("sense.cluster.service = \"kubernetes\": this jar has no camel-kubernetes; build it with"
                + " mvn -Pkubernetes package (README: On Kubernetes)."), problems);
    }
}
