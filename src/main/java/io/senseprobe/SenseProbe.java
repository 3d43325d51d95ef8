package io.senseprobe;

public final class SenseProbe {
    public static void main(String[] args) {
        System.out.println("sense-probe");
    }
}
