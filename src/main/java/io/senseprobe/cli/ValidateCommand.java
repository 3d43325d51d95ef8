package io.senseprobe.cli;

import io.senseprobe.definition.Definition;
import io.senseprobe.alert.ConfiguredDestinations;
import io.senseprobe.definition.DefinitionLoader;
import io.senseprobe.definition.LoadResult;
import io.senseprobe.definition.Problem;
import io.senseprobe.files.AppHome;
import io.senseprobe.result.ResultJson;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Checks definition files as {@code check} and the service read them, without contacting anything: for a CI job
 * that guards a repository of definitions. Certificate files and {@code ${env:...}}/{@code ${file:...}} references
 * are read, as the service would read them.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, defaultValueProvider = EnvDefaults.class, sortOptions = false,
        description = "Check definition files (.yaml, .yml, .json) or folders of them without connecting: every problem is listed; exit 0 when there is none, 2 otherwise.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Definition files, or folders whose definition files are validated.")
    List<Path> paths;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        output.applyLogLevel(spec);
        PrintStream human = output.human();
        List<Path> files = DefinitionPaths.files(paths, human, spec);
        // alert-to must name a destination the service's settings configure
        DefinitionLoader loader = new DefinitionLoader(AppHome.resolve())
                .withAlertDestinations(ConfiguredDestinations.ids(AppHome.resolve(), System::getenv));
        Path here = Path.of("").toAbsolutePath();
        List<Map<String, Object>> reports = new ArrayList<>();
        boolean ok = !files.isEmpty();
        if (files.isEmpty()) {
            human.println("No definition files in " + paths + ".");
        }
        // file by file, so each report says what its file holds; names used in two files are compared as check does
        LoadResult all = loader.loadAll(files);
        for (Path file : files) {
            List<String> names = all.definitions().stream().filter(d -> file.equals(d.source())).map(Definition::name).toList();
            List<Problem> problems = all.problems().stream().filter(p -> file.equals(p.file())).toList();
            List<Problem> notes = all.notes().stream().filter(p -> file.equals(p.file())).toList();
            ok &= problems.isEmpty();
            String shown = shown(file, here);
            if (problems.isEmpty()) {
                human.println("OK " + shown + ": " + names.size() + (names.size() == 1 ? " connection" : " connections")
                        + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")"));
            } else {
                human.println("INVALID " + shown + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
                problems.forEach(p -> human.println("  " + p.describe(here)));
            }
            reports.add(report(shown, names, problems, notes, here));
        }
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ok", ok);
            json.put("files", reports);
            System.out.println(ResultJson.line(json));
        }
        return ok ? ExitCodes.OK : ExitCodes.BEFORE_CONNECTION;
    }

    private static Map<String, Object> report(String file, List<String> names, List<Problem> problems, List<Problem> notes, Path here) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", file);
        report.put("ok", problems.isEmpty());
        report.put("connections", names);
        report.put("problems", problems.stream().map(p -> json(p, here)).toList());
        report.put("notes", notes.stream().map(p -> json(p, here)).toList());
        return report;
    }

    private static Map<String, Object> json(Problem p, Path here) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line", p.line());
        json.put("connection", p.connection());
        json.put("key", p.key());
        json.put("message", p.message());
        json.put("fix", p.fix());
        json.put("category", p.category().id());
        json.put("text", p.describe(here));
        return json;
    }

    private static String shown(Path file, Path here) {
        return file.startsWith(here) ? here.relativize(file).toString().replace('\\', '/') : file.toString();
    }
}
