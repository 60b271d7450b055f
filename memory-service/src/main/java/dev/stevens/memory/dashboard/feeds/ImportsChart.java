package dev.stevens.memory.dashboard.feeds;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A stacked bar chart (one bar per day, one colour per source) laid out in Java and drawn as SVG by
 * the template: no script, no styles, so it shows under the strict CSP and without JavaScript.
 */
record ImportsChart(
        int width, int height, List<Bar> bars, List<Legend> legend, long max, List<Label> labels) {

    static final int HEIGHT = 160;
    static final int BAR = 14;
    static final int GAP = 4;
    private static final String[] COLORS = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf"
    };

    record Bar(int x, int y, int width, int height, String color, String title) {}

    record Legend(String source, String color, long total) {}

    record Label(int x, String text) {}

    static ImportsChart of(LocalDate from, LocalDate to, List<FeedReader.Count> counts) {
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        var sources = new TreeSet<String>();
        Map<LocalDate, Long> perDay = new HashMap<>();
        counts.forEach(
                c -> {
                    sources.add(c.source());
                    perDay.merge(c.day(), c.count(), Long::sum);
                });
        long max = Math.max(1, perDay.values().stream().mapToLong(Long::longValue).max().orElse(1));
        Map<String, String> colors = new HashMap<>();
        List<Legend> legend = new ArrayList<>();
        int i = 0;
        for (String source : sources) {
            colors.put(source, COLORS[i++ % COLORS.length]);
            long total =
                    counts.stream()
                            .filter(c -> c.source().equals(source))
                            .mapToLong(FeedReader.Count::count)
                            .sum();
            legend.add(new Legend(source, colors.get(source), total));
        }
        List<Bar> bars = new ArrayList<>();
        Map<LocalDate, Integer> stacked = new HashMap<>();
        for (var c : counts) {
            int x = (int) ChronoUnit.DAYS.between(from, c.day()) * (BAR + GAP);
            int h = (int) Math.max(1, Math.round((double) c.count() * HEIGHT / max));
            int below = stacked.getOrDefault(c.day(), 0);
            stacked.put(c.day(), below + h);
            bars.add(
                    new Bar(
                            x,
                            HEIGHT - below - h,
                            BAR,
                            h,
                            colors.get(c.source()),
                            c.day() + " " + c.source() + ": " + c.count()));
        }
        List<Label> labels = new ArrayList<>();
        for (int d = 0; d < days; d += 7) {
            labels.add(new Label(d * (BAR + GAP), from.plusDays(d).toString().substring(5)));
        }
        return new ImportsChart(days * (BAR + GAP), HEIGHT, bars, legend, max, labels);
    }
}
