package dev.stevens.support.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling an API: always exactly one household. Controllers take it with
 * {@code @AuthenticationPrincipal} and scope every query by {@link #household()}.
 *
 * @param scopes what the token may do, e.g. {@code imports:write}
 */
public record HouseholdCaller(UUID household, Set<String> scopes) {

    public HouseholdCaller {
        scopes = Set.copyOf(scopes);
    }

    public boolean may(String scope) {
        return scopes.contains(scope);
    }
}
