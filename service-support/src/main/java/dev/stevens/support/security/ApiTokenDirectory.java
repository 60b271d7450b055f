package dev.stevens.support.security;

import java.util.Optional;

/**
 * Finds the household a bearer token belongs to. Each service answers from its own copy of the
 * token hashes (memory-service from its tables, the others from {@code stevens.households.v1}).
 */
@FunctionalInterface
public interface ApiTokenDirectory {

    /**
     * @param sha256Hex {@link ApiTokens#sha256Hex(String)} of the presented token
     */
    Optional<HouseholdCaller> findByTokenHash(String sha256Hex);
}
