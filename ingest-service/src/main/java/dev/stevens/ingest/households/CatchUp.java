package dev.stevens.ingest.households;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the token directory has read the households topic up to where it ended at start-up. Until
 * then a valid token may still be unknown, so the instance reports itself not ready (it is in the
 * readiness group as {@code householdTokens}).
 */
@Component("householdTokens")
class CatchUp implements HealthIndicator {

    private volatile boolean caughtUp;

    void caughtUp() {
        caughtUp = true;
    }

    boolean isCaughtUp() {
        return caughtUp;
    }

    @Override
    public Health health() {
        return caughtUp
                ? Health.up().build()
                : Health.outOfService().withDetail("loading", "stevens.households.v1").build();
    }
}
