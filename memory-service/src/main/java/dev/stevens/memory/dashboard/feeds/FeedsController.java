package dev.stevens.memory.dashboard.feeds;

import dev.stevens.memory.dashboard.Viewer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Imports (chart and importer status), the chat transcript and the brief history. */
@Controller
class FeedsController {

    static final int CHAT_PAGE = 50;
    static final int CHART_DAYS = 30;

    private final FeedReader reader;
    private final BriefRequests requests;

    FeedsController(FeedReader reader, BriefRequests requests) {
        this.reader = reader;
        this.requests = requests;
    }

    @GetMapping("/imports")
    String imports(Viewer viewer, Model model) {
        LocalDate today = LocalDate.now(ZoneId.of(reader.timeZone(viewer.household())));
        LocalDate from = today.minusDays(CHART_DAYS - 1L);
        var counts = reader.countsPerSourceAndDay(viewer.household(), from, today);
        model.addAttribute("chart", ImportsChart.of(from, today, counts));
        model.addAttribute("runs", reader.latestRuns(viewer.household()));
        return "dashboard/imports";
    }

    @GetMapping("/chat")
    String chat(Viewer viewer, @RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, page);
        var messages = reader.chat(viewer.household(), p * CHAT_PAGE, CHAT_PAGE + 1);
        model.addAttribute("messages", messages.stream().limit(CHAT_PAGE).toList());
        model.addAttribute("page", p);
        model.addAttribute("hasOlder", messages.size() > CHAT_PAGE);
        return "dashboard/chat";
    }

    @GetMapping("/briefs")
    String briefs(Viewer viewer, @RequestParam(required = false) UUID request, Model model) {
        model.addAttribute("briefs", reader.briefs(viewer.household(), 30));
        model.addAttribute(
                "briefRequest",
                request == null ? null : requests.find(viewer.household(), request).orElse(null));
        model.addAttribute("recentRequests", requests.recent(viewer.household(), 10));
        model.addAttribute("today", LocalDate.now(ZoneId.of(reader.timeZone(viewer.household()))));
        return "dashboard/briefs";
    }
}
