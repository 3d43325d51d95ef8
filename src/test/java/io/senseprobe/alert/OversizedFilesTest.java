package io.senseprobe.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Alert templates and spool files are read with a limit: a file far larger than any the service writes is refused. */
class OversizedFilesTest extends WebhookAlertTest {
    @Test
    void aTemplateOver256KibIsRefusedNamingFileLimitAndFix() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("config/templates"));
        Files.writeString(templates.resolve("alert-text.mustache"), "{{connection}}\n".repeat(10_000));
        assertEquals("prod", AlertTemplates.load(dir).render(AlertKind.FAILING, Results.failed("prod"), null, null,
                TemplatesTest.NOW).text().lines().findFirst().orElseThrow(), "under the limit: read as it is");

        Files.writeString(templates.resolve("alert-text.mustache"), "x".repeat(256 * 1024 + 1));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AlertTemplates.load(dir));
        assertEquals("The alert template file:" + templates.resolve("alert-text.mustache").toString().replace('\\', '/')
                + " is larger than 256 KiB; an alert's subject or text is a few lines. Shorten it, or delete it to use the packaged one.", e.getMessage());
    }

    @Test
    void aPartialComesFromTheTemplatesFolderOnlyAndIsBoundedAsTemplatesAre() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("config/templates"));
        Files.writeString(templates.resolve("alert-text.mustache"), "{{> footer}}\n");
        Files.writeString(templates.resolve("footer.mustache"), "bye {{connection}}");
        assertEquals("bye prod", AlertTemplates.load(dir).render(AlertKind.FAILING, Results.failed("prod"), null, null,
                TemplatesTest.NOW).text().strip(), "a partial beside the templates is used");

        Files.writeString(templates.resolve("footer.mustache"), "x".repeat(256 * 1024 + 1));
        Throwable tooLarge = assertThrows(RuntimeException.class, () -> AlertTemplates.load(dir));
        assertTrue(messages(tooLarge).contains("footer.mustache is larger than 256 KiB"), messages(tooLarge));

        // a path in the partial's name does not lead out of the folder: only the file name counts
        Files.writeString(dir.resolve("outside.mustache"), "read from outside");
        Files.writeString(templates.resolve("alert-text.mustache"), "{{> ../../outside}}\n");
        Throwable outside = assertThrows(RuntimeException.class, () -> AlertTemplates.load(dir));
        assertTrue(messages(outside).contains("The alert template partial {{> outside}} is not in " + templates
                + "; partials are read from that folder only."), messages(outside));
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }

    @Test
    void aSpoolFileOverOneMebibyteIsSetAsideAndTheOthersAreDelivered() throws Exception {
        receiver.answer(500);
        AlertService before = service("failure-threshold", "1", "rate-limit", "0");
        before.onResult(Results.failed("prod"), null);
        assertTrue(before.awaitDeliveries(RecordingReceiver.WAIT));
        before.stop();
        Path spool = dir.resolve(AlertSpool.DIR);
        Files.writeString(spool.resolve("000000000002-webhook.json"), "{\"destination\": \"webhook\", \"message\": " + " ".repeat(1024 * 1024) + "{}}");

        receiver.answer(200);
        try (LogCapture log = new LogCapture()) {
            AlertService after = service("failure-threshold", "1", "rate-limit", "0");
            after.start();
            assertTrue(after.awaitDeliveries(RecordingReceiver.WAIT));
            assertEquals(List.of("prod"), receiver.bodies("/hook").stream().map(b -> b.get("connection").asText()).toList());
            try (Stream<Path> files = Files.list(spool)) {
                assertEquals(List.of("000000000002-webhook.json.unreadable"), files.map(f -> f.getFileName().toString()).sorted().toList());
            }
            assertTrue(log.text().contains("Could not read the spooled alert 000000000002-webhook.json (" + spool.resolve("000000000002-webhook.json")
                    + " is larger than 1 MiB); moved it to 000000000002-webhook.json.unreadable for a look"), log.text());
        }
    }
}
