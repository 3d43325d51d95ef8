package io.senseprobe.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.senseprobe.simulator.SenseSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config/sense-probe-definition.schema.json: the examples pass it, a typo does not, and it knows exactly the loader's keys. */
class DefinitionSchemaTest {
    private static final Path SCHEMA = Path.of("config/sense-probe-definition.schema.json");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern README_YAML = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static Schema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void readSchema() throws Exception {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    }

    private static List<Error> errors(String yaml) throws Exception {
        return schema.validate(YAML.readTree(yaml));
    }

    @Test
    void theSimulatorsExampleDefinitionsPassAndNameTheSchema() throws Exception {
        try (SenseSimulator sim = SenseSimulator.start(dir)) {
            List<Path> examples = sim.writeExampleDefinitions();
            assertFalse(examples.isEmpty());
            for (Path example : examples) {
                String text = Files.readString(example);
                assertTrue(text.startsWith("# yaml-language-server: $schema=../config/sense-probe-definition.schema.json\n"), example.toString());
                assertEquals(List.of(), errors(text), example.toString());
            }
        }
    }

    @Test
    void theReadmesDefinitionExamplesPass() throws Exception {
        Matcher m = README_YAML.matcher(Files.readString(Path.of("README.md")));
        int definitions = 0;
        while (m.find()) {
            String block = m.group(1);
            if (block.contains("target:")) {
                definitions++;
                assertEquals(List.of(), errors(block), block);
            }
        }
        assertTrue(definitions >= 3, "the README's definition examples: " + definitions);
    }

    @Test
    void typosWrongTypesAndKeysOfTheOtherTargetAreFlagged() throws Exception {
        String good = "name: c\ntarget: qscloud\ntenant-host: t.eu.qlikcloud.com\napikey: ${env:QLIK_API_KEY}\ntimeout: 5s\n";
        assertEquals(List.of(), errors(good));
        assertFalse(errors(good.replace("tenant-host", "tenant-hots")).isEmpty(), "a misspelt key");
        assertFalse(errors(good + "port: 4242\n").isEmpty(), "a qseow key in a qscloud connection");
        assertFalse(errors(good.replace("5s", "five seconds")).isEmpty(), "not a duration");
        assertFalse(errors(good.replace("qscloud", "qlikcloud")).isEmpty(), "an unknown target");
        assertFalse(errors("connections:\n  - " + good.replace("\n", "\n    ").trim() + "\n  - name: x\n    target: qseow\n").isEmpty(),
                "a qseow connection without host, user dir and user id");
    }

    @Test
    void theSchemaKnowsExactlyTheChecks() throws Exception {
        JsonNode names = new ObjectMapper().readTree(SCHEMA.toFile()).at("/$defs/connection/properties/checks/items/enum");
        Set<String> inSchema = new TreeSet<>();
        names.forEach(name -> inSchema.add(name.asText()));
        assertEquals(new TreeSet<>(CheckNames.all()), inSchema);
        assertFalse(errors("name: c\ntarget: qseow\nhost: h\nauth-type: jwt\nauth-jwt: x\nchecks: [servics]\n").isEmpty());
    }

    @Test
    void theSchemaKnowsExactlyTheLoadersKeys() throws Exception {
        JsonNode properties = new ObjectMapper().readTree(SCHEMA.toFile()).at("/$defs/connection/properties");
        Set<String> inSchema = new TreeSet<>();
        properties.fieldNames().forEachRemaining(inSchema::add);
        assertEquals(new TreeSet<>(DefinitionKeys.all()), inSchema);
        List<String> undescribed = new ArrayList<>();
        properties.fields().forEachRemaining(e -> {
            if (!e.getValue().hasNonNull("description")) {
                undescribed.add(e.getKey());
            }
        });
        assertEquals(List.of(), undescribed, "every key has a description for the editor's tooltip");
    }
}
