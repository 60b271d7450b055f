package dev.stevens.briefing.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.stevens.briefing.compose.ComposedBrief.MemoryRef;
import dev.stevens.briefing.delivery.BriefHistory.BriefRecord;
import dev.stevens.briefing.households.Household;
import dev.stevens.briefing.schedule.BriefSlot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the briefing API. */
final class BriefingResponses {

    private BriefingResponses() {}

    record Preview(
            UUID household,
            LocalDate date,
            String content,
            String composer,
            List<UUID> memoryIds) {}

    record History(UUID household, NextBrief nextBrief, List<Brief> briefs) {}

    /**
     * A stored brief with its deliveries, plus what was new in it since the household's previous
     * brief.
     *
     * @param newMemories memories (id, version) the previous brief did not mention, or mentioned at
     *     a lower version
     */
    record Brief(@JsonUnwrapped BriefRecord brief, List<MemoryRef> newMemories) {}

    /**
     * @param at the instant the next brief is due
     * @param localTime the same moment on the household's clock
     */
    record NextBrief(LocalDate date, Instant at, LocalDateTime localTime, String timeZone) {

        static NextBrief of(BriefSlot slot, Household household) {
            return new NextBrief(
                    slot.date(),
                    slot.dueAt(),
                    LocalDateTime.ofInstant(slot.dueAt(), household.zone()),
                    household.zone().getId());
        }
    }
}
