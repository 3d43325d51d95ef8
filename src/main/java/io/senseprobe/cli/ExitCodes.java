package io.senseprobe.cli;

/** 0 every check ok (or warning), 1 a check failed, 2 a problem found before any connection was tried. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BEFORE_CONNECTION = 2;

    private ExitCodes() {
    }
}
