package dev.stevens.ingest.weather;

import java.util.Locale;

/** The household's units: what we ask Open-Meteo for and how temperatures read. */
enum Units {
    METRIC("celsius", "°C", -90, 60),
    IMPERIAL("fahrenheit", "°F", -130, 140);

    private final String apiName;
    private final String symbol;
    private final double coldest;
    private final double hottest;

    Units(String apiName, String symbol, double coldest, double hottest) {
        this.apiName = apiName;
        this.symbol = symbol;
        this.coldest = coldest;
        this.hottest = hottest;
    }

    /** Anything but "imperial" is metric, the Open-Meteo default. */
    static Units of(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).equals("imperial") ? IMPERIAL : METRIC;
    }

    String apiName() {
        return apiName;
    }

    String symbol() {
        return symbol;
    }

    /** Beyond the records ever measured on Earth means a broken answer, not a hot day. */
    boolean isPlausible(double temperature) {
        return temperature >= coldest && temperature <= hottest;
    }
}
