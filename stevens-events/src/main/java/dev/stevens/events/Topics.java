package dev.stevens.events;

/** Topic names. A topic's name ends in its version; a breaking change gets a new topic. */
public final class Topics {

    /** Import events, keyed by household id. */
    public static final String IMPORTS = "stevens.imports.v1";

    /** Chat messages in and out, keyed by household id. */
    public static final String CHAT = "stevens.chat.v1";

    /** Compacted changelog of full memory snapshots, keyed by memory id. */
    public static final String MEMORIES = "stevens.memories.v1";

    /** Compacted household settings, keyed by household id. */
    public static final String HOUSEHOLDS = "stevens.households.v1";

    /** Create, edit, delete and restore commands for memory-service, keyed by household id. */
    public static final String MEMORY_COMMANDS = "stevens.memory-commands.v1";

    /** One record per importer run (weather, calendar, email …), keyed by household id. */
    public static final String IMPORTER_RUNS = "stevens.importer-runs.v1";

    /** Compacted record of every brief and its deliveries, keyed by brief id. */
    public static final String BRIEFS = "stevens.briefs.v1";

    /**
     * Dashboard requests to briefing-service (preview a date, send a brief now), keyed by
     * household.
     */
    public static final String BRIEF_REQUESTS = "stevens.brief-requests.v1";

    /**
     * briefing-service's answer to each brief request (the preview, or the send outcome), keyed by
     * request id; plain topic with the broker's retention: answers are only interesting briefly.
     */
    public static final String BRIEF_ANSWERS = "stevens.brief-answers.v1";

    /** Suffix of every dead-letter topic: {@code stevens.imports.v1.dlt}. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {}

    /** State topics, where the latest record per key is the truth and must be rebuildable. */
    public static boolean isCompacted(String topic) {
        return topic.equals(MEMORIES) || topic.equals(HOUSEHOLDS) || topic.equals(BRIEFS);
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
