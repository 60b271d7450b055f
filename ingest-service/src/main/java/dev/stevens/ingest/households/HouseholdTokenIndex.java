package dev.stevens.ingest.households;

import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.support.security.HouseholdCaller;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The household API tokens this service accepts: token hash → caller, built from the latest
 * settings record of every household. A newer record replaces a household's tokens wholesale, so a
 * token missing from it is revoked; older or repeated records (a replay) change nothing.
 *
 * <p>Written by the single settings reader thread, read concurrently by request threads.
 */
@Component
class HouseholdTokenIndex implements ApiTokenDirectory, HouseholdSettingsSubscriber {

    private record Known(long version, Set<String> tokenHashes) {}

    private final Map<String, HouseholdCaller> callersByHash = new ConcurrentHashMap<>();
    private final Map<UUID, Known> households = new ConcurrentHashMap<>();

    @Override
    public Optional<HouseholdCaller> findByTokenHash(String sha256Hex) {
        if (sha256Hex == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(callersByHash.get(sha256Hex.toLowerCase(Locale.ROOT)));
    }

    @Override
    public void apply(HouseholdSettingsChanged event) {
        applyIfNewer(event);
    }

    /**
     * @return true if the record was newer than what we knew and was applied
     */
    synchronized boolean applyIfNewer(HouseholdSettingsChanged event) {
        UUID household = event.household();
        long version = event.data().version();
        Known known = households.get(household);
        if (known != null && version <= known.version()) {
            return false;
        }
        Set<String> hashes = new HashSet<>();
        for (var token : event.data().apiTokens()) {
            if (token.sha256() == null || token.sha256().isBlank()) {
                continue;
            }
            String hash = token.sha256().toLowerCase(Locale.ROOT);
            hashes.add(hash);
            callersByHash.put(hash, new HouseholdCaller(household, Set.copyOf(token.scopes())));
        }
        if (known != null) {
            known.tokenHashes().stream()
                    .filter(hash -> !hashes.contains(hash))
                    .forEach(callersByHash::remove);
        }
        households.put(household, new Known(version, Set.copyOf(hashes)));
        return true;
    }

    /** A tombstone on the compacted topic: the household is gone, and so are its tokens. */
    @Override
    public synchronized void forget(UUID household) {
        Known known = households.remove(household);
        if (known != null) {
            known.tokenHashes().forEach(callersByHash::remove);
        }
    }

    int householdCount() {
        return households.size();
    }
}
