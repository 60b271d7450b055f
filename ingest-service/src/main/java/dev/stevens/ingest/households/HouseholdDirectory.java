package dev.stevens.ingest.households;

import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.HouseholdSettingsChanged.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The latest settings of every household as far as the inbound channels need them: which Telegram
 * chats a household listens to and whose email it accepts. Built from the same records as the token
 * index (newer versions replace older ones wholesale, replays change nothing).
 *
 * <p>Written by the single settings reader thread, read concurrently by request threads.
 */
@Component
public class HouseholdDirectory implements HouseholdSettingsSubscriber {

    private static final Logger log = LoggerFactory.getLogger(HouseholdDirectory.class);

    private final Map<UUID, Settings> households = new ConcurrentHashMap<>();
    private volatile Map<Long, Set<UUID>> householdsByChat = Map.of();

    /** The household that allows this chat; empty if none does, or if several claim it. */
    public Optional<UUID> householdOfChat(long chatId) {
        Set<UUID> claimed = householdsByChat.getOrDefault(chatId, Set.of());
        if (claimed.size() > 1) {
            log.warn(
                    "Telegram chat {} is allowed by {} households; not routing it",
                    chatId,
                    claimed);
            return Optional.empty();
        }
        return claimed.stream().findFirst();
    }

    /** Lower-case addresses this household accepts email from. */
    public List<String> allowedEmailSenders(UUID household) {
        Settings settings = households.get(household);
        return settings == null ? List.of() : settings.importers().allowedEmailSenders();
    }

    /** Every household that accepts email from this address (case-insensitive). */
    public List<UUID> householdsAllowingSender(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return households.entrySet().stream()
                .filter(
                        e ->
                                e.getValue().importers().allowedEmailSenders().stream()
                                        .anyMatch(s -> s.equalsIgnoreCase(wanted)))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    public Optional<Settings> settings(UUID household) {
        return Optional.ofNullable(households.get(household));
    }

    @Override
    public synchronized void apply(HouseholdSettingsChanged event) {
        Settings known = households.get(event.household());
        if (known != null && event.data().version() <= known.version()) {
            return;
        }
        households.put(event.household(), event.data());
        rebuildChats();
    }

    @Override
    public synchronized void forget(UUID household) {
        if (households.remove(household) != null) {
            rebuildChats();
        }
    }

    private void rebuildChats() {
        Map<Long, Set<UUID>> chats = new HashMap<>();
        households.forEach(
                (household, settings) ->
                        settings.allowedTelegramChats().stream()
                                .filter(java.util.Objects::nonNull)
                                .forEach(
                                        chat ->
                                                chats.merge(
                                                        chat,
                                                        Set.of(household),
                                                        HouseholdDirectory::union)));
        householdsByChat = Map.copyOf(chats);
    }

    private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
