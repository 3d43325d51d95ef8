package io.senseprobe.result;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code sense.expiry.warn-days}: the days before an end date at which a certificate or credential raises a warning.
 * An item is inside the smallest threshold its days left have reached (10 days left with 30,14,7,1: inside 14), so
 * the alerts can say it once per threshold. No thresholds: no warnings (expired local material still fails).
 */
public record ExpiryWarnings(List<Integer> days) {
    public static final List<Integer> DEFAULT_DAYS = List.of(30, 14, 7, 1);
    public static final ExpiryWarnings DEFAULT = new ExpiryWarnings(DEFAULT_DAYS);

    /** An item inside a threshold. */
    public record Expiring(ExpiryItem item, int threshold) {
    }

    public ExpiryWarnings {
        days = days.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }

    /** The smallest threshold that {@code daysLeft} has reached; empty when it is beyond every threshold. */
    public OptionalInt threshold(long daysLeft) {
        return days.stream().filter(d -> daysLeft <= d).mapToInt(Integer::intValue).min();
    }

    /** The items of a result inside a threshold, the nearest end date first. */
    public List<Expiring> inside(List<CertificateInfo> certificates, List<CredentialInfo> credentials) {
        return ExpiryItem.all(certificates, credentials).stream()
                .filter(item -> threshold(item.daysLeft()).isPresent())
                .sorted(Comparator.comparing(ExpiryItem::expiresAt))
                .map(item -> new Expiring(item, threshold(item.daysLeft()).getAsInt()))
                .toList();
    }

    /** The result as a warning about its nearest item, or unchanged when it is not OK or nothing is near. */
    public CheckResult apply(CheckResult result) {
        if (result.status() != Status.OK) {
            return result;
        }
        List<Expiring> near = inside(result.certificates(), result.credentials());
        return near.isEmpty() ? result : warningAbout(result, near.get(0).item());
    }

    /** The result as the warning about one item: what the alert for that item says. */
    public static CheckResult warningAbout(CheckResult result, ExpiryItem item) {
        return result.warning(Category.EXPIRING, item.warning(), item.renewal());
    }
}
