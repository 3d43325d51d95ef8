package io.senseprobe.sink;

import io.senseprobe.result.CheckResult;
import java.util.function.Predicate;

/** A sink that shows the inventory as it is now: results of a connection that left it are dropped. */
public abstract class InventorySink implements ResultSink {
    private volatile Predicate<String> connectionExists = connection -> true;

    /** Which connections are in the inventory now; every connection counts until this is set. */
    public void forgetUnless(Predicate<String> connectionExists) {
        this.connectionExists = connectionExists;
    }

    protected boolean inInventory(String connection) {
        return connectionExists.test(connection);
    }

    @Override
    public final void write(CheckResult result) {
        if (result != null && result.connection() != null) {
            accept(result);
        }
    }

    /** A result with a connection name. */
    protected abstract void accept(CheckResult result);
}
