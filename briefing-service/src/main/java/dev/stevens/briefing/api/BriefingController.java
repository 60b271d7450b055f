package dev.stevens.briefing.api;

import dev.stevens.briefing.compose.BriefDrafts;
import dev.stevens.briefing.compose.BriefNovelty;
import dev.stevens.briefing.delivery.BriefHistory;
import dev.stevens.briefing.delivery.BriefHistory.BriefRecord;
import dev.stevens.briefing.households.Household;
import dev.stevens.briefing.households.HouseholdDirectory;
import dev.stevens.briefing.schedule.BriefSlot;
import dev.stevens.support.security.HouseholdCaller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A household's briefs: what today's would say, and what was sent. */
@RestController
@RequestMapping("/api/v1/briefings")
class BriefingController {

    private final HouseholdDirectory households;
    private final BriefDrafts drafts;
    private final BriefHistory history;
    private final BriefNovelty novelty;
    private final Clock clock;

    BriefingController(
            HouseholdDirectory households,
            BriefDrafts drafts,
            BriefHistory history,
            BriefNovelty novelty,
            Clock clock) {
        this.households = households;
        this.drafts = drafts;
        this.history = history;
        this.novelty = novelty;
        this.clock = clock;
    }

    @GetMapping("/preview")
    BriefingResponses.Preview preview(
            @AuthenticationPrincipal HouseholdCaller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date) {
        Household household = household(caller.household());
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(household.zone()));
        var brief = drafts.draft(household, day);
        return new BriefingResponses.Preview(
                household.id(), day, brief.content(), brief.composer(), brief.memoryIds());
    }

    @GetMapping
    BriefingResponses.History history(
            @AuthenticationPrincipal HouseholdCaller caller,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        Household household = household(caller.household());
        BriefSlot next = BriefSlot.next(household, clock.instant());
        var briefs = history.recent(household.id(), limit);
        var fresh = novelty.of(household.id(), briefs.stream().map(BriefRecord::id).toList());
        return new BriefingResponses.History(
                household.id(),
                BriefingResponses.NextBrief.of(next, household),
                briefs.stream()
                        .map(
                                b ->
                                        new BriefingResponses.Brief(
                                                b, fresh.getOrDefault(b.id(), List.of())))
                        .toList());
    }

    private Household household(UUID id) {
        // a token is only known together with its household, so this is a race at most
        return households
                .find(id)
                .orElseThrow(
                        () ->
                                new ResponseStatusException(
                                        HttpStatus.NOT_FOUND, "The household is not known yet."));
    }
}
