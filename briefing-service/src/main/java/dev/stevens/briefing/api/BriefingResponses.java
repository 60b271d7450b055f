package dev.stevens.briefing.api;

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

    record History(UUID household, NextBrief nextBrief, List<BriefRecord> briefs) {}

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
