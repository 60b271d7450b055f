package dev.stevens.memory.api;

import dev.stevens.support.security.HouseholdCaller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notebook as the dashboard reads it, for the caller's household only. */
@RestController
@RequestMapping("/api/v1/memories")
class MemoriesController {

    static final int MAX_LIMIT = 200;

    private final MemoryQueries queries;
    private final MemoryStats stats;

    MemoriesController(MemoryQueries queries, MemoryStats stats) {
        this.queries = queries;
        this.stats = stats;
    }

    @GetMapping
    MemoryPage list(
            @AuthenticationPrincipal HouseholdCaller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            @RequestParam(required = false) Boolean undated,
            @RequestParam(required = false)
                    @Pattern(regexp = "[a-z0-9_-]{1,40}", message = "must match [a-z0-9_-]{1,40}")
                    String source,
            @RequestParam(required = false)
                    @Size(max = 100, message = "must be at most 100 characters")
                    String tag,
            @RequestParam(required = false)
                    @Size(max = 500, message = "must be at most 500 characters")
                    String q,
            @RequestParam(defaultValue = "false") boolean includeDeleted,
            @RequestParam(defaultValue = "false") boolean includeArchived,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = MAX_LIMIT, message = "must be at most 200")
                    int limit) {
        if (from != null && to != null && to.isBefore(from)) {
            throw Problems.badRequest("to", "must not be before from");
        }
        var filter =
                new MemoryFilter(
                        from,
                        to,
                        undated,
                        blankToNull(source),
                        blankToNull(tag),
                        blankToNull(q),
                        includeDeleted,
                        includeArchived);
        boolean ranked = filter.q() != null && queries.searchable(filter.q());
        Cursor after = cursor == null || cursor.isBlank() ? null : decode(cursor, ranked);
        // one extra row tells whether another page exists
        List<MemoryItem> rows = queries.list(caller.household(), filter, ranked, after, limit + 1);
        if (rows.size() <= limit) {
            return new MemoryPage(rows, null);
        }
        List<MemoryItem> page = rows.subList(0, limit);
        return new MemoryPage(List.copyOf(page), Cursor.after(page.get(limit - 1)).encode());
    }

    @GetMapping("/stats")
    MemoryStats.Counts stats(
            @AuthenticationPrincipal HouseholdCaller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to) {
        if (from == null) {
            throw Problems.badRequest("from", "is required (a date like 2026-11-25)");
        }
        if (to == null) {
            throw Problems.badRequest("to", "is required (a date like 2026-11-25)");
        }
        if (to.isBefore(from)) {
            throw Problems.badRequest("to", "must not be before from");
        }
        if (to.isAfter(from.plusDays(MemoryStats.MAX_DAYS - 1))) {
            throw Problems.badRequest(
                    "to", "must be at most " + MemoryStats.MAX_DAYS + " days after from");
        }
        return stats.countsPerSourceAndDay(caller.household(), from, to);
    }

    @GetMapping("/{id}")
    MemoryDetail one(@AuthenticationPrincipal HouseholdCaller caller, @PathVariable UUID id) {
        // another household's memory is indistinguishable from a missing one
        return queries.find(caller.household(), id).orElseThrow(Problems::noSuchMemory);
    }

    private static Cursor decode(String cursor, boolean ranked) {
        try {
            Cursor decoded = Cursor.decode(cursor);
            if (decoded.ranked() != ranked) {
                throw new IllegalArgumentException("cursor of another query");
            }
            return decoded;
        } catch (RuntimeException e) {
            throw Problems.badRequest("cursor", "is not a cursor this API returned for this query");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
