package dev.stevens.events;

/** CloudEvents {@code type} values. Reverse-DNS, past tense, one per record. */
public final class EventTypes {

    public static final String IMPORT_RECEIVED = "dev.stevens.import.received";
    public static final String MEMORY_CHANGED = "dev.stevens.memory.changed";
    public static final String HOUSEHOLD_SETTINGS_CHANGED =
            "dev.stevens.household.settings.changed";
    public static final String CHAT_MESSAGE_POSTED = "dev.stevens.chat.message.posted";
    public static final String IMPORT_SNAPSHOT_COMPLETED = "dev.stevens.import.snapshot.completed";
    public static final String MEMORY_COMMAND_ISSUED = "dev.stevens.memory.command.issued";
    public static final String IMPORTER_RUN_FINISHED = "dev.stevens.importer.run.finished";
    public static final String BRIEF_ISSUED = "dev.stevens.brief.issued";
    public static final String BRIEF_REQUESTED = "dev.stevens.brief.requested";
    public static final String BRIEF_REQUEST_ANSWERED = "dev.stevens.brief.request.answered";

    private EventTypes() {}
}
