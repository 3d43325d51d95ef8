package io.senseprobe.alert;

import io.senseprobe.result.CheckResult;

/** Alert state is kept per connection and check. */
final class AlertKeys {
    private AlertKeys() {
    }

    static String of(CheckResult result) {
        return result.connection() + "/" + (result.check() == null ? "-" : result.check());
    }
}
