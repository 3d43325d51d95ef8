package io.senseprobe.cli;

import io.senseprobe.SenseProbeBeans;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * The whole command line in this JVM, as {@code Cli.run} builds it, with stdout and stderr captured (the commands'
 * own prints, picocli's help and usage errors, and logger output, which goes to System.err).
 */
record CliRun(int exitCode, String out, String err) {

    static synchronized CliRun of(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter help = new StringWriter();
        StringWriter usage = new StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Cli.commandLine(SenseProbeBeans::new, new PrintWriter(help, true), new PrintWriter(usage, true)).execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new CliRun(code, help + out.toString(StandardCharsets.UTF_8), usage + err.toString(StandardCharsets.UTF_8));
    }

    String all() {
        return out + err;
    }
}
