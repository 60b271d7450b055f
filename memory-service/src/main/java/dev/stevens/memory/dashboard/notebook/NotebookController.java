package dev.stevens.memory.dashboard.notebook;

import dev.stevens.events.MemoryCommandIssued.Action;
import dev.stevens.events.MemoryCommandIssued.Data;
import dev.stevens.memory.dashboard.DashboardCommands;
import dev.stevens.memory.dashboard.Viewer;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notebook: sections by date, search, and forms that send commands. Works without JavaScript:
 * every change is a plain form post answered with a redirect (post/redirect/get).
 */
@Controller
class NotebookController {

    private final NotebookReader reader;
    private final DashboardCommands commands;

    NotebookController(NotebookReader reader, DashboardCommands commands) {
        this.reader = reader;
        this.commands = commands;
    }

    @GetMapping({"/", "/notebook"})
    String notebook(
            Viewer viewer,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String tag,
            @RequestParam(defaultValue = "false") boolean showDeleted,
            Model model) {
        var filter = new NotebookReader.Filter(blankToNull(source), blankToNull(tag));
        UUID h = viewer.household();
        LocalDate today = reader.today(h);
        model.addAttribute("today", today);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("source", filter.source());
        model.addAttribute("tag", filter.tag());
        model.addAttribute("showDeleted", showDeleted);
        model.addAttribute("sources", reader.sources(h));
        model.addAttribute("tags", reader.tags(h));
        if (blankToNull(q) != null) {
            model.addAttribute("results", reader.search(h, filter, q.strip()));
        } else {
            model.addAttribute("todayItems", reader.dated(h, filter, today, today, false));
            model.addAttribute(
                    "weekItems",
                    reader.dated(h, filter, today.plusDays(1), today.plusDays(7), false));
            model.addAttribute("undatedItems", reader.undated(h, filter));
            model.addAttribute(
                    "laterItems", reader.dated(h, filter, today.plusDays(8), null, false));
            model.addAttribute(
                    "pastItems", reader.dated(h, filter, null, today.minusDays(1), true));
            if (showDeleted) {
                model.addAttribute("deletedItems", reader.deleted(h, filter));
            }
        }
        return "dashboard/notebook";
    }

    @GetMapping("/memories/{id}")
    String memory(Viewer viewer, @PathVariable UUID id, Model model) {
        var item = reader.find(viewer.household(), id).orElseThrow(NotebookController::notFound);
        model.addAttribute("memory", item);
        model.addAttribute("revisions", reader.revisions(viewer.household(), id));
        return "dashboard/memory";
    }

    @PostMapping("/memories")
    String create(
            Viewer viewer,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String tags,
            RedirectAttributes redirect) {
        var form = MemoryForm.parse(text, date, tags);
        if (form.error() != null) {
            redirect.addFlashAttribute("error", form.error());
            return "redirect:/notebook";
        }
        UUID id = UUID.randomUUID();
        commands.publish(
                viewer,
                new Data(
                        Action.CREATE,
                        id,
                        form.text(),
                        form.date(),
                        form.tags(),
                        viewer.actor(),
                        null));
        redirect.addFlashAttribute(
                "notice", "Noted. The new memory appears as soon as the notebook has applied it.");
        return "redirect:/notebook";
    }

    @PostMapping("/memories/{id}/edit")
    String edit(
            Viewer viewer,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String tags,
            @RequestParam(required = false) Long expectedVersion,
            RedirectAttributes redirect) {
        mustExist(viewer, id);
        var form = MemoryForm.parse(text, date, tags);
        if (form.error() != null) {
            redirect.addFlashAttribute("error", form.error());
            return "redirect:/memories/" + id;
        }
        commands.publish(
                viewer,
                new Data(
                        Action.EDIT,
                        id,
                        form.text(),
                        form.date(),
                        form.tags(),
                        viewer.actor(),
                        expectedVersion));
        redirect.addFlashAttribute("notice", "Edit sent; refresh in a moment to see it applied.");
        return "redirect:/memories/" + id;
    }

    @PostMapping("/memories/{id}/delete")
    String delete(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
        mustExist(viewer, id);
        commands.publish(
                viewer, new Data(Action.DELETE, id, null, null, null, viewer.actor(), null));
        redirect.addFlashAttribute("notice", "Deleted.");
        redirect.addFlashAttribute("undoRestore", id);
        return "redirect:/memories/" + id;
    }

    @PostMapping("/memories/{id}/restore")
    String restore(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
        mustExist(viewer, id);
        commands.publish(
                viewer, new Data(Action.RESTORE, id, null, null, null, viewer.actor(), null));
        redirect.addFlashAttribute("notice", "Restore sent.");
        return "redirect:/memories/" + id;
    }

    /** Undo an edit: the content of an earlier revision becomes the newest one. */
    @PostMapping("/memories/{id}/revert")
    String revert(
            Viewer viewer,
            @PathVariable UUID id,
            @RequestParam long version,
            RedirectAttributes redirect) {
        mustExist(viewer, id);
        var revision =
                reader.revisions(viewer.household(), id).stream()
                        .filter(r -> r.version() == version)
                        .findFirst()
                        .orElseThrow(NotebookController::notFound);
        commands.publish(
                viewer,
                new Data(
                        Action.EDIT,
                        id,
                        revision.text(),
                        revision.date(),
                        revision.tags(),
                        viewer.actor(),
                        null));
        redirect.addFlashAttribute("notice", "Reverting to version " + version + ".");
        return "redirect:/memories/" + id;
    }

    private void mustExist(Viewer viewer, UUID id) {
        reader.find(viewer.household(), id).orElseThrow(NotebookController::notFound);
    }

    /** Another household's memory and a missing one look the same. */
    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such memory");
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
