package io.senseprobe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Cloud user is "Göran Sander": stdout is UTF-8 whatever the locale says. */
class Utf8IT extends SimulatorIT {
    @Test
    void userNameIsUtf8WithoutAnyLocaleVariables() {
        Launcher.Run run = Launcher.args(sim.cloudTest("--apikey", sim.sim.apiKey()))
                .without("LANG", "LC_ALL", "LC_CTYPE", "LANGUAGE").run();

        assertUtf8WithGoeran(run, run.stdoutBytes());
    }

    @Test
    void userNameIsUtf8WithLangC() {
        Launcher.Run run = Launcher.args(sim.cloudTest("--apikey", sim.sim.apiKey()))
                .without("LC_ALL", "LC_CTYPE", "LANGUAGE").env("LANG", "C").run();

        assertUtf8WithGoeran(run, run.stdoutBytes());
    }

    @Test
    void jsonRecordIsUtf8WithLcAllC() {
        Launcher.Run run = Launcher.args(sim.cloudTest("--apikey", sim.sim.apiKey(), "--json"))
                .env("LC_ALL", "C").env("LANG", "C").run();

        assertUtf8WithGoeran(run, run.stdoutBytes());
        assertEquals("Göran Sander", JsonOutputIT.records(run, 1).get(0).get("sense").get("userName").asText(), run::describe);
    }

    @Test
    void humanTextOnStderrIsUtf8UnderJson() {
        Launcher.Run run = Launcher.args(sim.cloudTest("--apikey", sim.sim.apiKey(), "--json"))
                .without("LANG", "LC_ALL", "LC_CTYPE", "LANGUAGE").run();

        assertUtf8WithGoeran(run, run.stderrBytes());
    }

    private static void assertUtf8WithGoeran(Launcher.Run run, byte[] bytes) {
        assertEquals(0, run.exitCode(), run::describe);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("output is not UTF-8:\n" + run.describe(), e);
        }
        assertTrue(text.contains("Göran Sander"), run::describe);
    }
}
