package io.senseprobe;

import io.senseprobe.cli.Cli;

public final class SenseProbe {
    public static void main(String[] args) {
        System.exit(Cli.run(SenseProbeBeans::new, args));
    }
}
