package io.senseprobe.definition;

import io.senseprobe.logging.Secrets;
import java.util.Objects;

/**
 * A secret value of a definition (key passphrase, JWT, API key): {@link #toString()} is {@value Secrets#MASK}, so
 * a definition, a record holding one or a string concatenation never shows it; the value itself is only what
 * {@link #reveal()} returns, at the one place it is used (a TLS key, an Authorization header).
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Null for null, so absent secrets stay absent. */
    public static Secret of(String value) {
        return value == null ? null : new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return Secrets.MASK;
    }
}
