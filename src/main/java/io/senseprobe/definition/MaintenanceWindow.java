package io.senseprobe.definition;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A time in which checks still run but no failing or reminder alert goes out: once ({@code from}/{@code to}, ISO-8601
 * with offset) or every week ({@code days}, {@code start}, {@code end} as wall-clock times in {@code zone}). Weekly
 * windows are computed with {@link ZonedDateTime}, so "02:00-04:00 Europe/Stockholm" stays 02:00-04:00 local time
 * across a DST change (a start inside the spring gap moves to the first valid time after it).
 */
public sealed interface MaintenanceWindow {

    /** Whether {@code t} is inside the window (start inclusive, end exclusive). */
    boolean covers(Instant t);

    /** How logs, the status and the CLI show it, e.g. "sun 02:00-04:00 Europe/Stockholm". */
    String describe();

    record OneOff(Instant from, Instant to, String text) implements MaintenanceWindow {
        @Override
        public boolean covers(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }

        @Override
        public String describe() {
            return text;
        }
    }

    /** {@code end} at or before {@code start} means the window runs past midnight into the next day. */
    record Weekly(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) implements MaintenanceWindow {
        @Override
        public boolean covers(Instant t) {
            LocalDate today = t.atZone(zone).toLocalDate();
            // the window that began today, or yesterday's that runs past midnight
            for (LocalDate day : List.of(today, today.minusDays(1))) {
                if (!days.contains(day.getDayOfWeek())) {
                    continue;
                }
                Instant begin = ZonedDateTime.of(day, start, zone).toInstant();
                LocalDate endDay = end.isAfter(start) ? day : day.plusDays(1);
                Instant finish = ZonedDateTime.of(endDay, end, zone).toInstant();
                if (!t.isBefore(begin) && t.isBefore(finish)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            List<String> names = new ArrayList<>();
            for (DayOfWeek d : days) {
                names.add(shortName(d));
            }
            return String.join(",", names) + " " + start + "-" + end + " " + zone.getId();
        }
    }

    /** A window that cannot be used: the message and the fix for the admin (the caller adds file and field). */
    final class Invalid extends IllegalArgumentException {
        private final String fix;

        Invalid(String message, String fix) {
            super(message);
            this.fix = fix;
        }

        public String fix() {
            return fix;
        }
    }

    static String shortName(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** "mon".."sun" (or the full English name), any case; null when it is none of them. */
    static DayOfWeek day(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (t.equals(full) || t.equals(full.substring(0, 3))) {
                return d;
            }
        }
        return null;
    }

    /** The days of a weekly window, e.g. "sat,sun"; throws with a message naming the bad day. */
    static Set<DayOfWeek> days(List<String> texts) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String text : texts) {
            DayOfWeek d = day(text);
            if (d == null) {
                throw new Invalid("unknown day \"" + text + "\".", "Use mon, tue, wed, thu, fri, sat or sun.");
            }
            days.add(d);
        }
        if (days.isEmpty()) {
            throw new Invalid("a weekly window needs at least one day.", "Give days such as [sat, sun].");
        }
        return days;
    }

    static LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new Invalid(field + " \"" + text + "\" is not a time of day.", "Write it as HH:MM, e.g. \"02:00\".");
        }
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (RuntimeException e) {
            throw new Invalid("unknown zone \"" + text + "\".",
                    "Use a region ID such as Europe/Stockholm or UTC (they follow daylight saving time).");
        }
    }

    static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Invalid(field + " \"" + text + "\" is not an ISO-8601 time with offset.",
                    "Write it as e.g. \"2026-12-24T00:00+01:00\" (or ...Z for UTC).");
        }
    }

    static OneOff oneOff(String from, String to) {
        Instant f = instant("from", from);
        Instant t = instant("to", to);
        if (!t.isAfter(f)) {
            throw new Invalid("the window ends (" + to.trim() + ") before or when it starts (" + from.trim() + ").",
                    "Put \"to\" after \"from\".");
        }
        return new OneOff(f, t, from.trim() + "/" + to.trim());
    }

    static Weekly weekly(List<String> days, String start, String end, String zone) {
        LocalTime s = time("start", start);
        LocalTime e = time("end", end);
        if (s.equals(e)) {
            throw new Invalid("start and end are both " + s + ": the window would be empty.",
                    "Give an end after the start (an end before the start runs past midnight).");
        }
        return new Weekly(days(days), s, e, zone(zone));
    }

    /**
     * The {@code sense.alert.maintenance} syntax: windows separated by ';', each either
     * {@code DAYS HH:MM-HH:MM ZONE} (days comma-separated) or {@code FROM/TO} (ISO-8601 with offset).
     */
    static List<MaintenanceWindow> parseList(String text) {
        List<MaintenanceWindow> windows = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return windows;
        }
        for (String part : text.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (p.contains("/") && !p.contains(" ")) {
                String[] fromTo = p.split("/", 2);
                windows.add(oneOff(fromTo[0], fromTo[1]));
                continue;
            }
            String[] words = p.split("\\s+");
            String[] times = words.length == 3 ? words[1].split("-", 2) : new String[0];
            if (times.length != 2) {
                throw new Invalid("\"" + p + "\" is not a window.",
                        "Write \"sun 02:00-04:00 Europe/Stockholm\" or \"2026-12-24T00:00+01:00/2026-12-27T00:00+01:00\", separated by ';'.");
            }
            windows.add(weekly(List.of(words[0].split(",")), times[0], times[1], words[2]));
        }
        return windows;
    }
}
