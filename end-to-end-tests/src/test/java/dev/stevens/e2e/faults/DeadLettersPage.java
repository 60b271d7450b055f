package dev.stevens.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.e2e.DashboardSession;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The dashboard's dead-letters page, as the household's owner uses it. */
final class DeadLettersPage {

    private final DashboardSession owner;

    DeadLettersPage(DashboardSession owner) {
        this.owner = owner;
    }

    /** The page's HTML. */
    String shown() {
        var page = owner.page("/dead-letters");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** Presses the dead letter's Replay button; the dashboard answers by showing the page again. */
    void replay(ConsumerRecord<String, byte[]> dead) {
        var response =
                owner.submit(
                        "/dead-letters/replay",
                        "/dead-letters",
                        Map.of(
                                "topic", dead.topic(),
                                "partition", Integer.toString(dead.partition()),
                                "offset", Long.toString(dead.offset())));
        assertThat(response.statusCode()).as("replay answered").isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/dead-letters"));
    }
}
