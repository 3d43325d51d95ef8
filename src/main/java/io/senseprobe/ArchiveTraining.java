package io.senseprobe;

import io.senseprobe.cli.Cli;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training run of the class-data archives ({@code ./sense-probe --train-archives}, run by {@code mvn package}):
 * several one-shot commands, separated by {@code --then}, in one JVM, so that one JDK 25 AOT cache or Java 17 AppCDS
 * archive holds the classes of all of them. Exits 0 only when every command did.
 */
public final class ArchiveTraining {
    static final String THEN = "--then";

    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        int worst = 0;
        for (List<String> command : commands(args)) {
            int code = Cli.run(SenseProbeBeans::new, command.toArray(String[]::new));
            System.err.println("training: exit " + code + " from " + String.join(" ", command.subList(0, Math.min(2, command.size()))));
            worst = Math.max(worst, code);
        }
        System.exit(worst);
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
