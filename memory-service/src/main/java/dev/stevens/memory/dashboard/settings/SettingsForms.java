package dev.stevens.memory.dashboard.settings;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

/** Field checks for the settings forms; a failure is an IllegalArgumentException with a message. */
final class SettingsForms {

    private SettingsForms() {}

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String text(String s, String field, int max) {
        if (blank(s) || s.strip().length() > max) {
            throw new IllegalArgumentException(
                    "The " + field + " must be 1 to " + max + " characters.");
        }
        return s.strip();
    }

    static String zone(String s) {
        try {
            return ZoneId.of(s.strip()).getId();
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown time zone (use e.g. Europe/London).");
        }
    }

    static LocalTime time(String s, String field) {
        try {
            return LocalTime.parse(s.strip());
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("The " + field + " must look like 07:30.");
        }
    }

    static Long chatId(String s) {
        if (blank(s)) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A Telegram chat id is a number.");
        }
    }

    static String email(String s) {
        if (blank(s)) {
            return null;
        }
        String e = s.strip().toLowerCase(Locale.ROOT);
        if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || e.length() > 254) {
            throw new IllegalArgumentException("Not an email address: " + e);
        }
        return e;
    }

    static String url(String s) {
        if (blank(s)) {
            return null;
        }
        try {
            URI uri = URI.create(s.strip());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("A URL must start with https:// or http://");
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A URL must start with https:// or http://");
        }
    }

    static double coordinate(String s, double limit, String field) {
        try {
            double v = Double.parseDouble(s.strip());
            if (Math.abs(v) > limit) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "The " + field + " must be a number within ±" + (int) limit + ".");
        }
    }

    static String slug(String s) {
        if (blank(s) || !s.strip().matches("[a-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("A feed id is 1 to 40 of a-z, 0-9, _ and -.");
        }
        return s.strip();
    }
}
