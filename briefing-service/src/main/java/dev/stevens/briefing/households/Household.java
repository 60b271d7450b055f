package dev.stevens.briefing.households;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The local copy of a household's settings that briefing needs.
 *
 * @param formOfAddress how the butler addresses the household; null when none was set
 */
public record Household(
        UUID id, String name, ZoneId zone, LocalTime briefTime, String formOfAddress) {}
