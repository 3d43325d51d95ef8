package io.senseprobe.definition;

/** A value that cannot be used, with the message and the fix for the admin. */
final class InvalidValueException extends Exception {
    private final String fix;

    InvalidValueException(String message, String fix) {
        super(message, null, false, false);
        this.fix = fix;
    }

    String fix() {
        return fix;
    }
}
