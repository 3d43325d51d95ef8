package io.senseprobe.pem;

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

    /** A certificate file that cannot be used: {@link Category#CERT_FILE}. */
    public static PemException certFile(String message, String fix) {
        return new PemException(Category.CERT_FILE, message, fix);
    }

    public Category category() {
        return category;
    }

    public String fix() {
        return fix;
    }
}
