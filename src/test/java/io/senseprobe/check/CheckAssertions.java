package io.senseprobe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import io.senseprobe.result.Status;

/** Assertions on check results that print the whole result when they fail. */
final class CheckAssertions {
    private CheckAssertions() {
    }

    static void assertOk(CheckResult result) {
        assertEquals(Status.OK, result.status(), result::toString);
        assertEquals(Category.OK, result.category(), result::toString);
        assertEquals("", result.hint(), result::toString);
    }

    /** Failed with this category, and with a hint for the admin. */
    static void assertFailed(Category category, CheckResult result) {
        assertEquals(Status.FAILED, result.status(), result::toString);
        assertEquals(category, result.category(), result::toString);
        assertFalse(result.hint() == null || result.hint().isBlank(), result::toString);
        assertTrue(result.sense().isEmpty(), result::toString);
    }

    static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text != null && text.contains(part), () -> "\"" + part + "\" not in: " + text);
        }
    }
}
