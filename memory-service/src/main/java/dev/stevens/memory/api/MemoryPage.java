package dev.stevens.memory.api;

import java.util.List;

/**
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
record MemoryPage(List<MemoryItem> items, String nextCursor) {}
