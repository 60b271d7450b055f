package dev.stevens.briefing.compose;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/** Meteorological seasons, turned around for households south of the equator. */
enum Season {
    WINTER("A crisp winter morning; a warm coat would not go amiss."),
    SPRING("A fine spring morning, if I may say so."),
    SUMMER("A bright summer morning, and the day is long."),
    AUTUMN("An autumn morning; the leaves are turning.");

    /** Zones whose people live south of the equator (a short list; the rest count as north). */
    private static final Set<String> SOUTHERN_PREFIXES =
            Set.of(
                    "Australia/",
                    "Antarctica/",
                    "Pacific/Auckland",
                    "Pacific/Chatham",
                    "Africa/Johannesburg",
                    "America/Argentina/",
                    "America/Buenos_Aires",
                    "America/Santiago",
                    "America/Sao_Paulo",
                    "America/Montevideo",
                    "America/Asuncion");

    private final String remark;

    Season(String remark) {
        this.remark = remark;
    }

    String remark() {
        return remark;
    }

    /** The season's name in a sentence, e.g. "winter". */
    String noun() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Season of(LocalDate date, ZoneId zone) {
        int index = (date.getMonthValue() % 12) / 3; // Dec-Feb 0, Mar-May 1, Jun-Aug 2, Sep-Nov 3
        if (isSouthern(zone)) {
            index = (index + 2) % 4;
        }
        return values()[index];
    }

    private static boolean isSouthern(ZoneId zone) {
        String id = zone.getId();
        return SOUTHERN_PREFIXES.stream().anyMatch(id::startsWith);
    }
}
