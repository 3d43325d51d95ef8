package io.senseprobe.check;

import java.security.SecureRandom;

/** Sense's cross-site request forgery key: 16 characters of [0-9A-Za-z], fresh for every request. */
public final class Xrfkey {
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Xrfkey() {
    }

    public static String next() {
        char[] key = new char[16];
        for (int i = 0; i < key.length; i++) {
            key[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(key);
    }
}
