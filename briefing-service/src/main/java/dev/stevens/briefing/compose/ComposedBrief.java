package dev.stevens.briefing.compose;

import java.util.List;
import java.util.UUID;

/**
 * A brief's text and what it was made from.
 *
 * @param used the memories mentioned, in order of appearance, with the version that was read
 */
public record ComposedBrief(
        String content, String composer, String composerVersion, List<MemoryRef> used) {

    public ComposedBrief {
        used = List.copyOf(used);
    }

    public record MemoryRef(UUID id, long version) {}

    public List<UUID> memoryIds() {
        return used.stream().map(MemoryRef::id).toList();
    }
}
