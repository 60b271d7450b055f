package dev.stevens.ingest.households;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.HouseholdSettingsChanged.ApiToken;
import dev.stevens.support.security.HouseholdCaller;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HouseholdTokenIndexTest {

    private final HouseholdTokenIndex index = new HouseholdTokenIndex();
    private final UUID household = UUID.randomUUID();

    @Test
    void aTokenHashFindsItsHouseholdAndScopes() {
        index.apply(settings(household, 1, token("aa", "imports:write")));

        assertThat(index.findByTokenHash("aa"))
                .contains(new HouseholdCaller(household, Set.of("imports:write")));
        assertThat(index.findByTokenHash("AA")).isPresent();
        assertThat(index.findByTokenHash("bb")).isEmpty();
    }

    @Test
    void aNewerRecordReplacesTheHouseholdsTokensWholesale() {
        index.apply(settings(household, 1, token("aa", "imports:write"), token("bb")));

        index.apply(settings(household, 2, token("bb", "memories:read"), token("cc")));

        assertThat(index.findByTokenHash("aa")).isEmpty();
        assertThat(index.findByTokenHash("bb"))
                .contains(new HouseholdCaller(household, Set.of("memories:read")));
        assertThat(index.findByTokenHash("cc")).isPresent();
    }

    @Test
    void anOlderOrRepeatedRecordChangesNothing() {
        index.apply(settings(household, 2, token("bb")));

        assertThat(index.applyIfNewer(settings(household, 1, token("aa")))).isFalse();
        assertThat(index.applyIfNewer(settings(household, 2, token("aa")))).isFalse();

        assertThat(index.findByTokenHash("aa")).isEmpty();
        assertThat(index.findByTokenHash("bb")).isPresent();
    }

    @Test
    void householdsDoNotTouchEachOthersTokens() {
        UUID other = UUID.randomUUID();
        index.apply(settings(household, 1, token("aa")));
        index.apply(settings(other, 1, token("bb")));

        index.apply(settings(other, 2));

        assertThat(index.findByTokenHash("aa")).map(HouseholdCaller::household).contains(household);
        assertThat(index.findByTokenHash("bb")).isEmpty();
    }

    @Test
    void aForgottenHouseholdLosesItsTokens() {
        index.apply(settings(household, 1, token("aa")));

        index.forget(household);

        assertThat(index.findByTokenHash("aa")).isEmpty();
        assertThat(index.householdCount()).isZero();
    }

    private static ApiToken token(String hash, String... scopes) {
        return new ApiToken(hash, List.of(scopes));
    }

    private static HouseholdSettingsChanged settings(
            UUID household, long version, ApiToken... tokens) {
        return HouseholdSettingsChanged.of(
                UUID.randomUUID(),
                Instant.now(),
                household,
                new HouseholdSettingsChanged.Settings(
                        "h", "UTC", null, null, null, null, List.of(tokens), version));
    }
}
