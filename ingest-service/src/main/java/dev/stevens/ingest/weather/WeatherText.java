package dev.stevens.ingest.weather;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * A forecast day in words: "Weather at home: slight rain, high 12°C, low 5°C, 80% chance of
 * precipitation; rain likely from 15:00 to 19:00."
 */
final class WeatherText {

    /** An hour is notable when precipitation is at least this likely. */
    static final int LIKELY = 50;

    /** Only waking hours are worth mentioning. */
    private static final LocalTime FIRST_HOUR = LocalTime.of(6, 0);

    private static final LocalTime LAST_HOUR = LocalTime.of(22, 0);

    private WeatherText() {}

    static String of(String location, DayForecast day, Units units) {
        StringBuilder text =
                new StringBuilder("Weather at ")
                        .append(location)
                        .append(": ")
                        .append(WmoWeatherCodes.describe(day.weatherCode()).orElse("unknown"))
                        .append(", high ")
                        .append(Math.round(day.high()))
                        .append(units.symbol())
                        .append(", low ")
                        .append(Math.round(day.low()))
                        .append(units.symbol());
        if (day.precipitationChance() != null) {
            text.append(", ").append(day.precipitationChance()).append("% chance of precipitation");
        }
        notableHours(day.hours()).ifPresent(notable -> text.append("; ").append(notable));
        return text.append('.').toString();
    }

    /**
     * The first run of waking hours where precipitation is likely, e.g. "rain likely from 15:00".
     */
    private static Optional<String> notableHours(List<DayForecast.Hour> hours) {
        List<DayForecast.Hour> waking =
                hours.stream()
                        .filter(h -> !h.time().isBefore(FIRST_HOUR) && !h.time().isAfter(LAST_HOUR))
                        .toList();
        int from = 0;
        while (from < waking.size() && waking.get(from).precipitationChance() < LIKELY) {
            from++;
        }
        if (from == waking.size()) {
            return Optional.empty();
        }
        int to = from;
        int worstCode = waking.get(from).weatherCode();
        while (to + 1 < waking.size() && waking.get(to + 1).precipitationChance() >= LIKELY) {
            to++;
            worstCode = Math.max(worstCode, waking.get(to).weatherCode());
        }
        LocalTime last = waking.get(to).time();
        String until = last.isBefore(LAST_HOUR) ? " to " + last.plusHours(1) : "";
        return Optional.of(
                WmoWeatherCodes.precipitationKind(worstCode)
                        + " likely from "
                        + waking.get(from).time()
                        + until);
    }
}
