package dev.stevens.briefing.compose;

import dev.stevens.briefing.notebook.NotebookEntry;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a memory is, as far as the brief cares: it decides the section and the order. */
enum Kind {
    ADVERTISEMENT,
    FACT,
    WEATHER,
    APPOINTMENT,
    REMINDER,
    POST;

    private static final Set<String> POST_WORDS =
            Set.of("mail", "email", "post", "letter", "package", "packages", "parcel", "delivery");
    private static final Pattern TIME =
            Pattern.compile("(?<![\\d:])([01]?\\d|2[0-3]):([0-5]\\d)(?!\\d)");

    static Kind of(NotebookEntry entry) {
        String source = entry.source() == null ? "" : entry.source().toLowerCase(Locale.ROOT);
        var tags = entry.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        if (tags.contains("advertisement")) {
            return ADVERTISEMENT;
        }
        if (source.equals("fact") || tags.contains("fact")) {
            return FACT;
        }
        if (source.equals("weather")) {
            return WEATHER;
        }
        if (POST_WORDS.contains(source) || tags.stream().anyMatch(POST_WORDS::contains)) {
            return POST;
        }
        if (source.equals("calendar") || timeOf(entry).isPresent()) {
            return APPOINTMENT;
        }
        return REMINDER;
    }

    /** The first clock time in the text; calendar texts carry the household's local times. */
    static Optional<LocalTime> timeOf(NotebookEntry entry) {
        Matcher m = TIME.matcher(entry.text());
        return m.find()
                ? Optional.of(
                        LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }
}
