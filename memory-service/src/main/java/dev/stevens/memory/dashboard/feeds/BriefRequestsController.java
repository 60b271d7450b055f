package dev.stevens.memory.dashboard.feeds;

import dev.stevens.events.BriefRequested;
import dev.stevens.memory.dashboard.Viewer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Owner only (security configuration, and the account row checked again here). Each post queues a
 * request for briefing-service and redirects to the Briefs page, which shows the answer when it has
 * arrived and refreshes itself until then (a meta refresh: no JavaScript needed).
 */
@Controller
class BriefRequestsController {

    private final BriefRequests requests;

    BriefRequestsController(BriefRequests requests) {
        this.requests = requests;
    }

    @PostMapping("/briefs/preview")
    String preview(Viewer viewer, @RequestParam String date, RedirectAttributes redirect) {
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "The date is YYYY-MM-DD.");
            return "redirect:/briefs";
        }
        return queued(viewer, BriefRequested.Kind.PREVIEW, day, redirect);
    }

    /** Today's brief in the household's time zone (briefing-service decides "today"). */
    @PostMapping("/briefs/send")
    String sendNow(Viewer viewer, RedirectAttributes redirect) {
        return queued(viewer, BriefRequested.Kind.SEND, null, redirect);
    }

    private String queued(
            Viewer viewer, BriefRequested.Kind kind, LocalDate date, RedirectAttributes redirect) {
        if (!viewer.owner()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Owners only.");
        }
        UUID id = requests.request(viewer, kind, date);
        redirect.addAttribute("request", id);
        return "redirect:/briefs";
    }
}
