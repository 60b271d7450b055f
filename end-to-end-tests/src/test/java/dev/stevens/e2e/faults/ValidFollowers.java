package dev.stevens.e2e.faults;

import dev.stevens.events.BriefIssued;
import dev.stevens.events.BriefRequestAnswered;
import dev.stevens.events.BriefRequested;
import dev.stevens.events.ChatMessagePosted;
import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.ImportReceived;
import dev.stevens.events.ImporterRunFinished;
import dev.stevens.events.MemoryChanged;
import dev.stevens.events.MemoryCommandIssued;
import dev.stevens.events.StevensEvent;
import dev.stevens.events.Topics;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * For each consumed topic: a valid event keyed like the poison record in front of it (so on the
 * same partition), every consumer group that must get past both, and where its effect shows. The
 * events are chosen to change nothing the other tests look at.
 */
final class ValidFollowers {

    /**
     * The consumer groups of each topic, from the services' {@code @KafkaListener}s: an {@code id}
     * is the group unless {@code idIsGroup = false}, then {@code spring.kafka.consumer.group-id}
     * (memory-service / briefing-service) or the listener's {@code groupId}. ingest-service reads
     * {@link Topics#HOUSEHOLDS} with an assigned consumer and no group: only its effect shows.
     */
    static final Map<String, Set<String>> GROUPS =
            Map.of(
                    Topics.IMPORTS, Set.of("memory-service-imports"),
                    Topics.MEMORY_COMMANDS, Set.of("memory-service-commands"),
                    Topics.MEMORIES, Set.of("briefing-service"),
                    Topics.HOUSEHOLDS, Set.of("briefing-service"),
                    Topics.CHAT, Set.of("memory-service-dashboard-chat", "briefing-service"),
                    Topics.IMPORTER_RUNS, Set.of("memory-service-dashboard-importer-runs"),
                    Topics.BRIEFS, Set.of("memory-service-dashboard-briefs"),
                    Topics.BRIEF_REQUESTS, Set.of("briefing-service"),
                    Topics.BRIEF_ANSWERS, Set.of("memory-service-dashboard-brief-answers"));

    private static final String PRODUCER = "/poison-records-test";

    record Follower(String topic, String key, StevensEvent event, UUID subject) {}

    private ValidFollowers() {}

    /** A valid event of the topic's type for the demo household, keyed as the product keys it. */
    static Follower of(String topic, UUID household) {
        UUID id = UUID.randomUUID();
        UUID subject = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String text = "Behind poison " + id;
        return switch (topic) {
            case Topics.IMPORTS ->
                    byHousehold(
                            topic,
                            ImportReceived.of(
                                    id,
                                    PRODUCER,
                                    now,
                                    household,
                                    new ImportReceived.Data(
                                            "behind-poison",
                                            text,
                                            null,
                                            ImportLoad.day(),
                                            List.of(),
                                            null)),
                            id);
            case Topics.MEMORY_COMMANDS ->
                    byHousehold(
                            topic,
                            MemoryCommandIssued.of(
                                    id,
                                    PRODUCER,
                                    now,
                                    household,
                                    new MemoryCommandIssued.Data(
                                            MemoryCommandIssued.Action.CREATE,
                                            subject,
                                            text,
                                            ImportLoad.day(),
                                            List.of(),
                                            "test:poison",
                                            null)),
                            subject);
            // keyed by memory id; a deleted snapshot never reaches a brief
            case Topics.MEMORIES ->
                    new Follower(
                            topic,
                            subject.toString(),
                            MemoryChanged.of(
                                    id,
                                    now,
                                    household,
                                    new MemoryChanged.Snapshot(
                                            subject,
                                            "behind-poison",
                                            null,
                                            ImportLoad.day(),
                                            text,
                                            List.of(),
                                            1,
                                            true,
                                            now,
                                            now,
                                            id)),
                            subject);
            // a household of its own: the demo household's settings stay memory-service's
            case Topics.HOUSEHOLDS ->
                    new Follower(
                            topic,
                            subject.toString(),
                            HouseholdSettingsChanged.of(id, now, subject, notDueToday(now)),
                            subject);
            // from the butler to a chat the household does not allow: briefing-service answers
            // nothing, the dashboard keeps it
            case Topics.CHAT ->
                    byHousehold(
                            topic,
                            ChatMessagePosted.of(
                                    id,
                                    PRODUCER,
                                    now,
                                    household,
                                    new ChatMessagePosted.Message(
                                            "telegram", "0", null, "stevens", true, text)),
                            id);
            case Topics.IMPORTER_RUNS ->
                    byHousehold(
                            topic,
                            ImporterRunFinished.of(
                                    id,
                                    PRODUCER,
                                    now,
                                    household,
                                    new ImporterRunFinished.Data(
                                            "behind-poison", "test", now, now, 0, 0, null)),
                            id);
            // keyed by brief id
            case Topics.BRIEFS ->
                    new Follower(
                            topic,
                            subject.toString(),
                            BriefIssued.of(
                                    id,
                                    now,
                                    household,
                                    new BriefIssued.Data(
                                            subject,
                                            ImportLoad.day(),
                                            text,
                                            "test",
                                            List.of(),
                                            List.of(),
                                            1)),
                            subject);
            // a preview: briefing-service composes and answers, nothing is sent
            case Topics.BRIEF_REQUESTS ->
                    new Follower(
                            topic,
                            household.toString(),
                            BriefRequested.of(
                                    id,
                                    PRODUCER,
                                    now,
                                    household,
                                    new BriefRequested.Data(
                                            BriefRequested.Kind.PREVIEW,
                                            ImportLoad.day(),
                                            "test:poison")),
                            id);
            // keyed by request id: an answer to a request nobody on the dashboard made
            case Topics.BRIEF_ANSWERS ->
                    new Follower(
                            topic,
                            subject.toString(),
                            BriefRequestAnswered.of(
                                    id,
                                    PRODUCER,
                                    now,
                                    household,
                                    new BriefRequestAnswered.Data(
                                            subject,
                                            BriefRequested.Kind.PREVIEW,
                                            ImportLoad.day(),
                                            BriefRequestAnswered.Outcome.FAILED,
                                            null,
                                            null,
                                            List.of(),
                                            "test:poison")),
                            subject);
            default -> throw new IllegalArgumentException("no valid follower for " + topic);
        };
    }

    private static Follower byHousehold(String topic, StevensEvent event, UUID subject) {
        return new Follower(topic, event.household().toString(), event, subject);
    }

    /**
     * Local time near noon and the brief at 14:00: briefing-service neither composes nor records a
     * missed brief for this household while the test runs.
     */
    private static HouseholdSettingsChanged.Settings notDueToday(Instant now) {
        int utcHour = now.atZone(ZoneOffset.UTC).getHour();
        String zone = ZoneOffset.ofHours(12 - utcHour).getId();
        return new HouseholdSettingsChanged.Settings(
                "Behind poison",
                zone,
                LocalTime.of(14, 0),
                "Sir",
                List.of(),
                List.of(),
                List.of(),
                1);
    }
}
