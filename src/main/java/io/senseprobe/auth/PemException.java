package io.senseprobe.auth;

import io.senseprobe.result.Category;

/** A certificate or key file that cannot be used, with the category and the fix for the admin. */
public class PemException extends Exception {
    private final Category category;
    private final String fix;

    public PemException(Category category, String message, String fix) {
        super(message);
        this.category = category;
        this.fix = fix;
    }

    public Category category() {
        return category;
    }

    public String fix() {
        return fix;
    }
}
