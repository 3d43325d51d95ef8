package io.senseprobe.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.SenseProbeBeans;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class ReadmeOptionsTest {

    @Test
    void everyCommandLineOptionIsInTheReadmeOptionsTable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = new ArrayList<>();
        collect(Cli.commandLine(SenseProbeBeans::new, new PrintWriter(System.out, true), new PrintWriter(System.err, true)), readme, missing);
        assertTrue(missing.isEmpty(), "README.md lacks these options: " + missing);
    }

    private static void collect(CommandLine command, String readme, List<String> missing) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            for (String name : option.names()) {
                if (!readme.contains("`" + name + "`")) {
                    missing.add(command.getCommandSpec().qualifiedName() + " " + name);
                }
            }
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, readme, missing));
    }
}
