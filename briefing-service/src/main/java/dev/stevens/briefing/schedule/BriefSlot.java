package dev.stevens.briefing.schedule;

import dev.stevens.briefing.households.Household;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * One household's brief on one local day and the instant it is due. A brief time inside a
 * spring-forward gap is due when the gap ends (02:30 on a day that jumps from 02:00 to 03:00 is due
 * at 03:00), and a brief time in an autumn overlap at its first occurrence, so every day has
 * exactly one due instant.
 */
public record BriefSlot(LocalDate date, Instant dueAt) {

    public static BriefSlot of(Household household, LocalDate date) {
        LocalDateTime local = LocalDateTime.of(date, household.briefTime());
        ZoneOffsetTransition transition = household.zone().getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return new BriefSlot(date, transition.getInstant());
        }
        return new BriefSlot(date, ZonedDateTime.of(local, household.zone()).toInstant());
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
