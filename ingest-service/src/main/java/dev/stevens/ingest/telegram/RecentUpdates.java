package dev.stevens.ingest.telegram;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The most recent update ids that were stored, least recently seen evicted first. Telegram repeats
 * an update when our answer was lost or late; this catches the common case cheaply, and the
 * deterministic event id catches the rest downstream (after a restart, or on another replica).
 */
@Component
class RecentUpdates {

    private final Map<Long, Boolean> seen;

    @Autowired
    RecentUpdates(TelegramProperties properties) {
        this(properties.rememberedUpdates());
    }

    RecentUpdates(int capacity) {
        this.seen =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                        return size() > capacity;
                    }
                };
    }

    synchronized boolean contains(long updateId) {
        return seen.get(updateId) != null;
    }

    synchronized void remember(long updateId) {
        seen.put(updateId, Boolean.TRUE);
    }
}
