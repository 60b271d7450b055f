package dev.stevens.memory.api;

import java.time.LocalDate;

/**
 * The list filters; null means "not filtered".
 *
 * @param undated true: only undated memories; false: only dated ones
 * @param q full-text query (web search syntax: words, "phrases", or, -not)
 * @param includeDeleted also soft-deleted memories
 * @param includeArchived also archived and expired (valid-until passed) memories
 */
record MemoryFilter(
        LocalDate from,
        LocalDate to,
        Boolean undated,
        String source,
        String tag,
        String q,
        boolean includeDeleted,
        boolean includeArchived) {}
