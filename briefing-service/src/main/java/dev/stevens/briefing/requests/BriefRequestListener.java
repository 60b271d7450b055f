package dev.stevens.briefing.requests;

import dev.stevens.briefing.compose.BriefDrafts;
import dev.stevens.briefing.compose.ComposedBrief;
import dev.stevens.briefing.delivery.BriefOutbox;
import dev.stevens.briefing.delivery.DeliverySender;
import dev.stevens.briefing.delivery.OutboxRelay;
import dev.stevens.briefing.households.Household;
import dev.stevens.briefing.households.HouseholdDirectory;
import dev.stevens.events.BriefRequestAnswered;
import dev.stevens.events.BriefRequestAnswered.Outcome;
import dev.stevens.events.BriefRequested;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.kafka.RejectedEventException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Answers the dashboard's brief requests (memory-service never calls this service). A preview is
 * composed and published; a send writes the day's brief through the same outbox as the scheduler,
 * so it goes out once per household, day and channel: a redelivered or repeated request finds the
 * brief already there and sends nothing more.
 */
@Component
class BriefRequestListener {

    static final String SOURCE = "/briefing-service/requests";

    private final HouseholdDirectory households;
    private final BriefDrafts drafts;
    private final BriefOutbox outbox;
    private final DeliverySender sender;
    private final OutboxRelay relay;
    private final EventPublisher publisher;
    private final Clock clock;

    BriefRequestListener(
            HouseholdDirectory households,
            BriefDrafts drafts,
            BriefOutbox outbox,
            DeliverySender sender,
            OutboxRelay relay,
            EventPublisher publisher,
            Clock clock) {
        this.households = households;
        this.drafts = drafts;
        this.outbox = outbox;
        this.sender = sender;
        this.relay = relay;
        this.publisher = publisher;
        this.clock = clock;
    }

    @KafkaListener(
            id = "briefing-brief-requests",
            idIsGroup = false,
            topics = Topics.BRIEF_REQUESTS)
    void on(BriefRequested request) {
        if (request.id() == null
                || request.household() == null
                || request.data() == null
                || request.data().kind() == null) {
            throw new RejectedEventException("brief request without id, household or kind");
        }
        Optional<Household> found = households.find(request.household());
        if (found.isEmpty()) {
            answer(request, null, Outcome.FAILED, null, "The household is not known here yet.");
            return;
        }
        Household household = found.get();
        LocalDate date =
                request.data().date() != null
                        ? request.data().date()
                        : LocalDate.now(clock.withZone(household.zone()));
        switch (request.data().kind()) {
            case PREVIEW ->
                    answer(request, date, Outcome.PREVIEWED, drafts.draft(household, date), null);
            case SEND -> send(request, household, date);
        }
    }

    private void send(BriefRequested request, Household household, LocalDate date) {
        if (outbox.existingSince(date).contains(household.id() + "/" + date)) {
            answer(request, date, Outcome.ALREADY_SENT, null, "That day's brief already exists.");
            return;
        }
        Instant now = clock.instant();
        // the outbox inserts the brief only if absent: a concurrent tick or request loses quietly
        outbox.create(household, date, now, now);
        sender.sendDue();
        relay.publishPending();
        answer(request, date, Outcome.SENT, null, null);
    }

    private void answer(
            BriefRequested request,
            LocalDate date,
            Outcome outcome,
            ComposedBrief brief,
            String detail) {
        var data =
                new BriefRequestAnswered.Data(
                        request.id(),
                        request.data().kind(),
                        date,
                        outcome,
                        brief == null ? null : brief.content(),
                        brief == null ? null : brief.composer(),
                        brief == null ? List.of() : brief.memoryIds(),
                        detail);
        // a stable id per request and outcome: a redelivered request repeats the same answer id
        UUID id =
                UUID.nameUUIDFromBytes(
                        (request.id() + "/" + outcome).getBytes(StandardCharsets.UTF_8));
        var answer =
                BriefRequestAnswered.of(id, SOURCE, clock.instant(), request.household(), data);
        try {
            publisher
                    .publish(Topics.BRIEF_ANSWERS, request.id().toString(), answer)
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while answering a brief request", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not answer brief request " + request.id(), e);
        }
    }
}
