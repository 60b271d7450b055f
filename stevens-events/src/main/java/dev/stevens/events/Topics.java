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

    /** Suffix of every dead-letter topic: {@code stevens.imports.v1.dlt}. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {}

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
