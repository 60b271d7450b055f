package dev.stevens.memory.api;

import java.time.LocalDate;

/**
 * The list filters; null means "not filtered".
 *
 * @param undated true: only undated memories; false: only dated ones
 * @param q case-insensitive substring of the text
 */
record MemoryFilter(
        LocalDate from, LocalDate to, Boolean undated, String source, String tag, String q) {}
