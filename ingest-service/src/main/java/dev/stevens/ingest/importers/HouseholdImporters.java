package dev.stevens.ingest.importers;

import dev.stevens.events.HouseholdSettingsChanged.Importers;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What the built-in importers need to know about one household.
 *
 * @param zone the household's time zone: "today", all-day events and forecast days are in it
 * @param version the settings version this was taken from
 */
public record HouseholdImporters(UUID household, ZoneId zone, Importers importers, long version) {}
