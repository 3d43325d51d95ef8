package io.senseprobe.check;

import io.senseprobe.result.Category;
import io.senseprobe.result.Status;
import java.util.Map;

/**
 * What a check made of a good answer: {@link #next} asks the route for one more request of the same check (the
 * tenant after users/me, the service states after the enum names); otherwise status, category, message and the
 * result's {@code sense} fields. An OK finding's message is the check's {@code okMessage}.
 */
public record Finding(Status status, Category category, String message, String hint, Map<String, Object> sense,
        String next) {

    static Finding ok(Map<String, Object> sense) {
        return new Finding(Status.OK, Category.OK, null, null, sense, null);
    }

    static Finding warning(Category category, String message, String hint, Map<String, Object> sense) {
        return new Finding(Status.WARNING, category, message, hint, sense, null);
    }

    static Finding failed(Category category, String message, String hint, Map<String, Object> sense) {
        return new Finding(Status.FAILED, category, message, hint, sense, null);
    }

    /** One more GET, to {@code path} on the same site and port. */
    static Finding next(String path) {
        return new Finding(null, null, null, null, Map.of(), path);
    }
}
