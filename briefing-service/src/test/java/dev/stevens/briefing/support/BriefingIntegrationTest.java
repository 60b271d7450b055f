package dev.stevens.briefing.support;

import dev.stevens.testing.IntegrationTest;
import org.springframework.context.annotation.Import;

/**
 * The shared context of the briefing integration tests: real broker and database, the scheduler
 * ticked by hand, a fresh consumer group (so no committed offsets from elsewhere apply) and a bot
 * token pointing at the stub Telegram server.
 */
@IntegrationTest(
        properties = {
            "stevens.briefing.enabled=false",
            "spring.kafka.consumer.group-id=briefing-test-${random.uuid}",
            "stevens.telegram.bot-token=" + BriefingIntegrationTest.BOT_TOKEN,
            "spring.mail.host=127.0.0.1"
        })
@Import(BriefingTestConfiguration.class)
public abstract class BriefingIntegrationTest {

    public static final String BOT_TOKEN = "12345:test-bot-token";
}
