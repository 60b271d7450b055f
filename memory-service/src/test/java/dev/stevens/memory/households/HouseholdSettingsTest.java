package dev.stevens.memory.households;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.Topics;
import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.TestKafka;
import dev.stevens.support.security.ApiTokens;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MemoryServiceTest
class HouseholdSettingsTest {

    @Autowired Households households;
    @Autowired JsonMapper json;

    @Test
    void aNewHouseholdPublishesItsSettingsWithItsTokenHashesKeyedByHouseholdId() {
        var created =
                households.createWithToken(
                        new NewHousehold(
                                "The Smiths",
                                ZoneId.of("Europe/London"),
                                LocalTime.of(6, 45),
                                "the Smiths",
                                4242L),
                        List.of(Scopes.MEMORIES_READ));

        await().until(
                        () ->
                                !TestKafka.readAllWithKey(Topics.HOUSEHOLDS, created.household())
                                        .isEmpty());
        var records = TestKafka.readAllWithKey(Topics.HOUSEHOLDS, created.household());
        assertThat(records).hasSize(1);
        JsonNode event = json.readTree(records.get(0).value());
        assertThat(event.get("type").asString())
                .isEqualTo("dev.stevens.household.settings.changed");
        assertThat(event.get("household").asString()).isEqualTo(created.household().toString());
        JsonNode data = event.get("data");
        assertThat(data.get("name").asString()).isEqualTo("The Smiths");
        assertThat(data.get("timeZone").asString()).isEqualTo("Europe/London");
        assertThat(data.get("briefTime").asString()).startsWith("06:45");
        assertThat(data.get("formOfAddress").asString()).isEqualTo("the Smiths");
        assertThat(data.get("version").asLong()).isEqualTo(1);
        assertThat(data.get("allowedTelegramChats").toString()).isEqualTo("[4242]");
        assertThat(data.get("recipients").get(0).get("telegramChatId").asLong()).isEqualTo(4242L);
        assertThat(data.get("apiTokens")).hasSize(1);
        assertThat(data.get("apiTokens").get(0).get("sha256").asString())
                .isEqualTo(ApiTokens.sha256Hex(created.token()));
        assertThat(data.get("apiTokens").get(0).get("scopes").toString())
                .isEqualTo("[\"memories:read\"]");
        assertThat(new String(records.get(0).value())).doesNotContain(created.token());
    }

    @Test
    void unknownHouseholdsDoNotExist() {
        assertThat(households.exists(UUID.randomUUID())).isFalse();
    }
}
