package io.senseprobe.cli;

import io.senseprobe.files.Version;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.apache.camel.CamelConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sense-probe", mixinStandardHelpOptions = true, versionProvider = RootCommand.VersionProvider.class,
        description = "Checks that Qlik Sense sites and Qlik Cloud tenants are reachable and healthy.")
public record RootCommand(Function<Clock, CamelConfiguration> checkBeans) {
    /**
     * The top-level commands, in the order the help lists them. Not in the annotation: picocli reads every option
     * of every command it is given, and its classes are Java 5 class files no class-data archive can hold, so a
     * one-shot run builds only the command it runs (Cli.commandLine).
     */
    static final List<Class<?>> COMMANDS = List.of(Qseow.class, Qscloud.class, CheckCommand.class, ValidateCommand.class,
            RunCommand.class, SilenceCommand.class, SimulatorCommand.class, DemoCommand.class, HelpCommand.class);

    /** The check route's beans of the command line that {@code spec} belongs to. */
    static Function<Clock, CamelConfiguration> checkBeans(CommandSpec spec) {
        return ((RootCommand) spec.root().userObject()).checkBeans;
    }

    @Command(name = "qseow", mixinStandardHelpOptions = true, description = "Client-managed Qlik Sense.",
            subcommands = {QseowConnectionTest.class, HelpCommand.class})
    static final class Qseow {
    }

    @Command(name = "qscloud", mixinStandardHelpOptions = true, description = "Qlik Cloud.",
            subcommands = {QscloudConnectionTest.class, HelpCommand.class})
    static final class Qscloud {
    }

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sense-probe " + Version.get()};
        }
    }
}
