package dev.stevens.memory.notebook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One memory as stored: its current state, its version and who made the latest change.
 *
 * @param scope the snapshot scope it was imported in, or null
 * @param validUntil the last day it is true, or null
 * @param archived retention archived it (never in a brief, still findable)
 * @param occurredAt when the source says it happened; an older import never overwrites it
 * @param lastEventId the event that made the latest change
 * @param lastActor who or what made the latest change, e.g. {@code import:calendar}
 */
record Memory(
        UUID id,
        UUID household,
        String source,
        String externalKey,
        String scope,
        LocalDate date,
        LocalDate validUntil,
        String text,
        List<String> tags,
        long version,
        boolean deleted,
        boolean archived,
        Instant occurredAt,
        Instant createdAt,
        Instant updatedAt,
        UUID lastEventId,
        String lastActor) {

    Memory {
        tags = List.copyOf(tags);
    }

    /** The next version with new content (and live again, unarchived). */
    Memory edited(LocalDate newDate, String newText, List<String> newTags, Change change) {
        return new Memory(
                id,
                household,
                source,
                externalKey,
                scope,
                newDate,
                validUntil,
                newText,
                newTags,
                version + 1,
                false,
                false,
                occurredAt,
                createdAt,
                change.at(),
                change.eventId(),
                change.actor());
    }

    /** The next version, soft-deleted (true) or restored (false). */
    Memory withDeleted(boolean newDeleted, Change change) {
        return new Memory(
                id,
                household,
                source,
                externalKey,
                scope,
                date,
                validUntil,
                text,
                tags,
                version + 1,
                newDeleted,
                archived,
                occurredAt,
                createdAt,
                change.at(),
                change.eventId(),
                change.actor());
    }

    /** The next version, archived by retention. */
    Memory archivedBy(Change change) {
        return new Memory(
                id,
                household,
                source,
                externalKey,
                scope,
                date,
                validUntil,
                text,
                tags,
                version + 1,
                deleted,
                true,
                occurredAt,
                createdAt,
                change.at(),
                change.eventId(),
                change.actor());
    }

    /** Provenance of one change: the event that caused it, who asked, and when. */
    record Change(UUID eventId, String actor, Instant at) {}
}
