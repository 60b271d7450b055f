package dev.stevens.briefing.compose;

import dev.stevens.briefing.notebook.NotebookEntry;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a weather memory reads to a butler, worst first. Only the notable kinds are worth a line in
 * the days ahead; the greeting picks the worst of the day.
 */
enum Weather {
    STORM("A stormy %s morning, I regret to say; it may be a day for staying indoors."),
    SNOW("Snow this %s morning; do wrap up warmly and mind the paths."),
    RAIN("A wet %s morning, I am afraid; an umbrella would be wise."),
    HOT("A hot %s day ahead; the shade and plenty of water are advised."),
    COLD("A bitterly cold %s morning; a warm coat would not go amiss."),
    FAIR(null);

    static final int HOT_CELSIUS = 30;
    static final int COLD_CELSIUS = -5;
    private static final Pattern TEMPERATURE =
            Pattern.compile("(-?\\d{1,3}(?:[.,]\\d)?)\\s*°\\s*([CF])?", Pattern.CASE_INSENSITIVE);

    private final String remark;

    Weather(String remark) {
        this.remark = remark;
    }

    boolean notable() {
        return this != FAIR;
    }

    String remark(Season season) {
        return remark == null ? season.remark() : remark.formatted(season.noun());
    }

    static Weather worstOf(Collection<NotebookEntry> weather) {
        return weather.stream().map(Weather::of).min(Enum::compareTo).orElse(FAIR);
    }

    static Weather of(NotebookEntry entry) {
        String text = entry.text().toLowerCase(Locale.ROOT);
        if (text.matches(
                "(?s).*\\b(storm|stormy|gale|gales|thunder|thunderstorms?|hurricane)\\b.*")) {
            return STORM;
        }
        if (text.matches("(?s).*\\b(snow|snowfall|sleet|blizzard)\\b.*")) {
            return SNOW;
        }
        if (text.matches("(?s).*\\b(rain|rainy|showers?|drizzle|downpours?)\\b.*")) {
            return RAIN;
        }
        return temperature(text);
    }

    private static Weather temperature(String text) {
        Matcher m = TEMPERATURE.matcher(text);
        Weather found = FAIR;
        while (m.find()) {
            double value = Double.parseDouble(m.group(1).replace(',', '.'));
            double celsius = "f".equalsIgnoreCase(m.group(2)) ? (value - 32) * 5 / 9 : value;
            if (celsius >= HOT_CELSIUS) {
                return HOT;
            }
            if (celsius <= COLD_CELSIUS) {
                found = COLD;
            }
        }
        return found;
    }
}
