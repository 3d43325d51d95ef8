package io.senseprobe.alert;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A process of its own that holds a file lock for a while: {@code <lock file> <milliseconds>}; says "locked". */
public final class LockHolderChild {
    private LockHolderChild() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Long.parseLong(args[1]));
        }
    }
}
