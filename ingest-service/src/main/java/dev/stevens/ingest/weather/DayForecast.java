package dev.stevens.ingest.weather;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One validated forecast day.
 *
 * @param precipitationChance percent, or null when the API gives none for the day
 * @param hours the day's hourly precipitation chances, possibly empty
 */
record DayForecast(
        LocalDate date,
        int weatherCode,
        double high,
        double low,
        Integer precipitationChance,
        List<Hour> hours) {

    record Hour(LocalTime time, int precipitationChance, int weatherCode) {}
}
