package dev.stevens.events;

/** CloudEvents {@code type} values. Reverse-DNS, past tense, one per record. */
public final class EventTypes {

    public static final String IMPORT_RECEIVED = "dev.stevens.import.received";
    public static final String MEMORY_CHANGED = "dev.stevens.memory.changed";
    public static final String HOUSEHOLD_SETTINGS_CHANGED =
            "dev.stevens.household.settings.changed";
    public static final String CHAT_MESSAGE_POSTED = "dev.stevens.chat.message.posted";

    private EventTypes() {}
}
