package io.senseprobe;

import io.senseprobe.cli.Cli;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training run of the class-data archives ({@code ./sense-probe --train-archives}, run by {@code mvn package}):
 * several one-shot commands, separated by {@code --then}, in one JVM, so that one JDK 25 AOT cache or Java 17 AppCDS
 * archive holds the classes of all of them. Exits with the first command's code (the connection-test, which must
 * succeed); the others' codes are printed only, so that a later command's change of mind (a check that fails, a
 * validate with other arguments) costs its share of the archive, not the archive.
 */
public final class ArchiveTraining {
    static final String THEN = "--then";

    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        Integer first = null;
        for (List<String> command : commands(args)) {
            int code = Cli.run(SenseProbeBeans::new, command.toArray(String[]::new));
            System.err.println("training: exit " + code + " from " + String.join(" ", command.subList(0, Math.min(2, command.size()))));
            first = first == null ? code : first;
        }
        System.exit(first == null ? 2 : first);
    }

    static List<List<String>> commands(String... args) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String arg : Arrays.asList(args)) {
            if (arg.equals(THEN)) {
                commands.add(current);
                current = new ArrayList<>();
            } else {
                current.add(arg);
            }
        }
        commands.add(current);
        return commands.stream().filter(c -> !c.isEmpty()).toList();
    }
}
