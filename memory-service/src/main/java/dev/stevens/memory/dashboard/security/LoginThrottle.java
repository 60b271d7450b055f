package dev.stevens.memory.dashboard.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code maxFailuresPerUser} failed logins for one username, or
 * {@code maxFailuresPerAddress} from one address, further attempts are refused (without checking
 * the password) until {@code lockDuration} has passed. In memory, per instance: a restart or
 * another replica starts counting afresh, which still bounds guesses per instance and hour.
 */
@Component
public class LoginThrottle {

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(LoginThrottleProperties properties) {
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    private record Failures(int count, Instant lockedUntil) {}

    public boolean isLocked(String username, String address) {
        return locked(userKey(username)) || locked("address:" + address);
    }

    void failed(String username, String address) {
        count(userKey(username), properties.maxFailuresPerUser());
        count("address:" + address, properties.maxFailuresPerAddress());
    }

    void succeeded(String username, String address) {
        failures.remove(userKey(username));
        failures.remove("address:" + address);
    }

    private boolean locked(String key) {
        Failures f = failures.get(key);
        if (f == null || f.lockedUntil() == null) {
            return false;
        }
        if (clock.instant().isBefore(f.lockedUntil())) {
            return true;
        }
        failures.remove(key, f);
        return false;
    }

    private void count(String key, int max) {
        failures.compute(
                key,
                (k, f) -> {
                    int count = (f == null ? 0 : f.count()) + 1;
                    Instant lock =
                            count >= max ? clock.instant().plus(properties.lockDuration()) : null;
                    return new Failures(count, lock);
                });
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }
}
