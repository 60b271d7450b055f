package dev.stevens.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    private final UUID household = UUID.randomUUID();

    @Test
    void anIdempotencyKeyDerivesTheIdFromHouseholdAndKey() {
        assertThat(EventIds.single(household, "k1"))
                .isEqualTo(
                        UUID.nameUUIDFromBytes(
                                (household + ":k1").getBytes(StandardCharsets.UTF_8)));
        assertThat(EventIds.single(UUID.randomUUID(), "k1"))
                .isNotEqualTo(EventIds.single(household, "k1"));
    }

    @Test
    void batchIdsAppendTheElementIndex() {
        assertThat(EventIds.batch(household, "k1", 3))
                .containsExactly(
                        UUID.nameUUIDFromBytes(
                                (household + ":k1:0").getBytes(StandardCharsets.UTF_8)),
                        UUID.nameUUIDFromBytes(
                                (household + ":k1:1").getBytes(StandardCharsets.UTF_8)),
                        UUID.nameUUIDFromBytes(
                                (household + ":k1:2").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void withoutAKeyIdsAreRandom() {
        assertThat(EventIds.single(household, null)).isNotEqualTo(EventIds.single(household, null));
        assertThat(EventIds.batch(household, null, 2)).doesNotHaveDuplicates();
    }

    @Test
    void keysAreOneTo200PrintableCharacters() {
        assertThat(EventIds.isValidKey(null)).isTrue();
        assertThat(EventIds.isValidKey("order-2026/11#3")).isTrue();
        assertThat(EventIds.isValidKey("k".repeat(200))).isTrue();
        assertThat(EventIds.isValidKey("")).isFalse();
        assertThat(EventIds.isValidKey("k".repeat(201))).isFalse();
        assertThat(EventIds.isValidKey("tab\there")).isFalse();
    }
}
