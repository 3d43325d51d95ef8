package io.senseprobe.cli;

import io.senseprobe.result.CheckResult;
import io.senseprobe.result.ResultJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Result records as JSON: one line each on stdout (--json) or appended to a results file. */
final class ResultPrinter {
    private ResultPrinter() {
    }

    static String json(CheckResult result) {
        return ResultJson.line(result);
    }

    static void appendTo(Path file, List<CheckResult> results) throws IOException {
        StringBuilder lines = new StringBuilder();
        results.forEach(r -> lines.append(json(r)).append('\n'));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static int exitCode(List<CheckResult> results) {
        if (results.stream().anyMatch(r -> r.failed() && r.category().isBeforeConnection())) {
            return ExitCodes.BEFORE_CONNECTION;
        }
        return results.stream().anyMatch(CheckResult::failed) ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
