package dev.stevens.ingest.weather;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads an Open-Meteo forecast answer strictly: every day must have a known weather code and
 * plausible temperatures in the requested unit, or the whole answer is refused. A forecast with a
 * hole is worse than yesterday's forecast, which stays in place when we refuse.
 */
final class ForecastParser {

    private ForecastParser() {}

    static List<DayForecast> parse(JsonNode root, Units units, LocalDate today, int days) {
        JsonNode daily = root.path("daily");
        JsonNode dates = daily.path("time");
        if (!dates.isArray() || dates.isEmpty()) {
            throw new InvalidForecastException("no daily forecast");
        }
        String unit = root.path("daily_units").path("temperature_2m_max").asString("");
        if (!unit.isEmpty() && !unit.equals(units.symbol())) {
            throw new InvalidForecastException(
                    "temperatures in " + unit + ", not " + units.symbol());
        }
        JsonNode codes = column(daily, "weather_code", dates.size());
        JsonNode highs = column(daily, "temperature_2m_max", dates.size());
        JsonNode lows = column(daily, "temperature_2m_min", dates.size());
        JsonNode chances = daily.path("precipitation_probability_max");
        Map<LocalDate, List<DayForecast.Hour>> hours = hours(root.path("hourly"));
        LocalDate end = today.plusDays(days);
        List<DayForecast> forecast = new ArrayList<>();
        LocalDate previous = null;
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = date(dates.get(i).asString(""));
            if (previous != null && !date.isAfter(previous)) {
                throw new InvalidForecastException("days out of order at " + date);
            }
            previous = date;
            int code = code(codes.get(i), date);
            double high = temperature(highs.get(i), units, date);
            double low = temperature(lows.get(i), units, date);
            if (low > high) {
                throw new InvalidForecastException("low above high on " + date);
            }
            if (!date.isBefore(today) && date.isBefore(end)) {
                Integer chance = chances.isArray() ? percent(chances.get(i), date) : null;
                forecast.add(
                        new DayForecast(
                                date,
                                code,
                                high,
                                low,
                                chance,
                                hours.getOrDefault(date, List.of())));
            }
        }
        if (forecast.isEmpty()) {
            throw new InvalidForecastException("forecast covers none of the days from " + today);
        }
        return forecast;
    }

    private static JsonNode column(JsonNode daily, String name, int size) {
        JsonNode column = daily.path(name);
        if (!column.isArray() || column.size() != size) {
            throw new InvalidForecastException("daily " + name + " missing or of the wrong length");
        }
        return column;
    }

    private static Map<LocalDate, List<DayForecast.Hour>> hours(JsonNode hourly) {
        Map<LocalDate, List<DayForecast.Hour>> byDay = new HashMap<>();
        JsonNode times = hourly.path("time");
        JsonNode chances = hourly.path("precipitation_probability");
        JsonNode codes = hourly.path("weather_code");
        if (!times.isArray()) {
            return byDay; // hourly detail is optional; the day is still worth telling
        }
        if (chances.size() != times.size() || codes.size() != times.size()) {
            throw new InvalidForecastException("hourly columns of different lengths");
        }
        for (int i = 0; i < times.size(); i++) {
            if (!chances.get(i).isNumber() || !codes.get(i).isNumber()) {
                continue; // an hour without data says nothing notable
            }
            LocalDateTime time;
            try {
                time = LocalDateTime.parse(times.get(i).asString(""));
            } catch (DateTimeParseException e) {
                throw new InvalidForecastException("unreadable hour " + times.get(i));
            }
            int chance = percent(chances.get(i), time.toLocalDate());
            byDay.computeIfAbsent(time.toLocalDate(), d -> new ArrayList<>())
                    .add(new DayForecast.Hour(time.toLocalTime(), chance, codes.get(i).asInt()));
        }
        return byDay;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidForecastException("unreadable date '" + text + "'");
        }
    }

    private static int code(JsonNode node, LocalDate date) {
        if (node == null || !node.isIntegralNumber() || !WmoWeatherCodes.isKnown(node.asInt())) {
            throw new InvalidForecastException("unknown weather code " + node + " on " + date);
        }
        return node.asInt();
    }

    private static double temperature(JsonNode node, Units units, LocalDate date) {
        if (node == null || !node.isNumber() || !units.isPlausible(node.asDouble())) {
            throw new InvalidForecastException("implausible temperature " + node + " on " + date);
        }
        return node.asDouble();
    }

    private static Integer percent(JsonNode node, LocalDate date) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 100) {
            throw new InvalidForecastException("precipitation chance " + node + " on " + date);
        }
        return (int) Math.round(node.asDouble());
    }
}
