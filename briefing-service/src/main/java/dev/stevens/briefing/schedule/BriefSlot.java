package dev.stevens.briefing.schedule;

import dev.stevens.briefing.households.Household;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One household's brief on one local day and the instant it is due. {@link ZonedDateTime#of} moves
 * a brief time inside a spring-forward gap forward by the gap's length and picks the earlier offset
 * in an autumn overlap, so every day has exactly one due instant.
 */
public record BriefSlot(LocalDate date, Instant dueAt) {

    public static BriefSlot of(Household household, LocalDate date) {
        return new BriefSlot(
                date, ZonedDateTime.of(date, household.briefTime(), household.zone()).toInstant());
    }

    /** The first slot due after {@code now}. */
    public static BriefSlot next(Household household, Instant now) {
        LocalDate today = now.atZone(household.zone()).toLocalDate();
        BriefSlot slot = of(household, today);
        return slot.dueAt().isAfter(now) ? slot : of(household, today.plusDays(1));
    }

    boolean isDue(Instant now) {
        return !now.isBefore(dueAt);
    }

    /** Due, but more than {@code grace} ago. */
    boolean isMissed(Instant now, Duration grace) {
        return isDue(now) && Duration.between(dueAt, now).compareTo(grace) > 0;
    }
}
