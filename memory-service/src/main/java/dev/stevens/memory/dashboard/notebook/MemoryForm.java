package dev.stevens.memory.dashboard.notebook;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** The create/edit form's fields, checked like the API checks them. */
record MemoryForm(String text, LocalDate date, List<String> tags, String error) {

    static MemoryForm parse(String text, String date, String tags) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > 4000) {
            return invalid("The text must be 1 to 4000 characters.");
        }
        LocalDate d = null;
        if (date != null && !date.isBlank()) {
            try {
                d = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                return invalid("The date must look like 2026-05-17.");
            }
        }
        List<String> tagList =
                tags == null
                        ? List.of()
                        : Arrays.stream(tags.split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .distinct()
                                .toList();
        if (tagList.size() > 20 || tagList.stream().anyMatch(s -> s.length() > 100)) {
            return invalid("At most 20 tags of up to 100 characters each.");
        }
        return new MemoryForm(t, d, tagList, null);
    }

    private static MemoryForm invalid(String error) {
        return new MemoryForm(null, null, List.of(), error);
    }
}
