package io.senseprobe.check;

/** A 2xx answer that is not the JSON the check expects. */
public class BadResponseException extends Exception {
    public BadResponseException(String message) {
        super(message);
    }
}
