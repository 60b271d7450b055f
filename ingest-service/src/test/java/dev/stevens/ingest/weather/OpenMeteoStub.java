package dev.stevens.ingest.weather;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Open-Meteo forecast answers shaped like the real API's (same fields, units and layout). */
final class OpenMeteoStub {

    record Day(LocalDate date, int code, double high, double low, Integer chance, int[] hourly) {}

    private OpenMeteoStub() {}

    /** hourly: 24 precipitation chances per day (weather code 61 where ≥ 50, else 3). */
    static String forecast(String zone, String unit, List<Day> days) {
        List<String> hours = new ArrayList<>();
        List<String> chances = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Day day : days) {
            for (int h = 0; h < 24; h++) {
                hours.add(quote(day.date() + "T" + String.format("%02d:00", h)));
                int chance = day.hourly() == null ? 0 : day.hourly()[h];
                chances.add(String.valueOf(chance));
                codes.add(chance >= 50 ? String.valueOf(day.code()) : "3");
            }
        }
        return """
                {"latitude":51.5,"longitude":-0.119999886,"generationtime_ms":0.0919103622,
                 "utc_offset_seconds":0,"timezone":"%s","timezone_abbreviation":"GMT","elevation":23.0,
                 "hourly_units":{"time":"iso8601","precipitation_probability":"%%","weather_code":"wmo code"},
                 "hourly":{"time":[%s],"precipitation_probability":[%s],"weather_code":[%s]},
                 "daily_units":{"time":"iso8601","weather_code":"wmo code","temperature_2m_max":"%s",
                   "temperature_2m_min":"%s","precipitation_probability_max":"%%"},
                 "daily":{"time":[%s],"weather_code":[%s],"temperature_2m_max":[%s],
                   "temperature_2m_min":[%s],"precipitation_probability_max":[%s]}}
                """
                .formatted(
                        zone,
                        String.join(",", hours),
                        String.join(",", chances),
                        String.join(",", codes),
                        unit,
                        unit,
                        join(days, d -> quote(d.date().toString())),
                        join(days, d -> String.valueOf(d.code())),
                        join(days, d -> number(d.high())),
                        join(days, d -> number(d.low())),
                        join(days, d -> d.chance() == null ? "null" : d.chance().toString()));
    }

    /** Rain likely from 15:00 to 19:00 (hours 15..18), dry otherwise. */
    static int[] rainInTheAfternoon() {
        int[] hourly = new int[24];
        for (int h = 15; h <= 18; h++) {
            hourly[h] = 70;
        }
        hourly[14] = 40;
        return hourly;
    }

    private static String join(List<Day> days, java.util.function.Function<Day, String> f) {
        return days.stream().map(f).collect(Collectors.joining(","));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
