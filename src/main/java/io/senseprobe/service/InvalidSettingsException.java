package io.senseprobe.service;

import java.util.List;

/** The service configuration is wrong; carries every problem so `run` can list them all at once. */
public class InvalidSettingsException extends RuntimeException {
    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("Invalid configuration:" + System.lineSeparator() + "  "
                + String.join(System.lineSeparator() + "  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
