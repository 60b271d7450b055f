package dev.stevens.memory.dashboard.deadletters;

import dev.stevens.memory.dashboard.Viewer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Owner only (see the security configuration): the household's dead letters and their replay. */
@Controller
class DeadLettersController {

    private final DeadLetterArchive archive;
    private final JdbcClient jdbc;

    DeadLettersController(DeadLetterArchive archive, JdbcClient jdbc) {
        this.archive = archive;
        this.jdbc = jdbc;
    }

    @GetMapping("/dead-letters")
    String list(Viewer viewer, Model model) {
        model.addAttribute("letters", archive.list(viewer.household()));
        model.addAttribute("replayed", replayed(viewer.household()));
        return "dashboard/dead-letters";
    }

    @PostMapping("/dead-letters/replay")
    String replay(
            Viewer viewer,
            @RequestParam String topic,
            @RequestParam int partition,
            @RequestParam long offset,
            RedirectAttributes redirect) {
        var record =
                archive.find(viewer.household(), topic, partition, offset)
                        .orElseThrow(
                                () ->
                                        new ResponseStatusException(
                                                HttpStatus.NOT_FOUND, "No such dead letter"));
        archive.replay(record);
        remember(viewer, topic, partition, offset);
        redirect.addFlashAttribute(
                "notice", "Replayed 1 record to " + DeadLetterArchive.originalTopic(record) + ".");
        return "redirect:/dead-letters";
    }

    @PostMapping("/dead-letters/replay-all")
    String replayAll(Viewer viewer, RedirectAttributes redirect) {
        var done = replayed(viewer.household());
        int count = 0;
        for (var letter : archive.list(viewer.household())) {
            if (done.containsKey(letter.id())) {
                continue;
            }
            archive.find(viewer.household(), letter.topic(), letter.partition(), letter.offset())
                    .ifPresent(archive::replay);
            remember(viewer, letter.topic(), letter.partition(), letter.offset());
            count++;
        }
        redirect.addFlashAttribute("notice", "Replayed " + count + " records not replayed before.");
        return "redirect:/dead-letters";
    }

    private void remember(Viewer viewer, String topic, int partition, long offset) {
        jdbc.sql(
                        """
                        insert into dashboard_dead_letter_replays (topic, partition_no, record_offset,
                            household_id, replayed_by, replayed_at)
                        values (:t, :p, :o, :h, :by, :at)
                        on conflict (topic, partition_no, record_offset)
                        do update set replayed_by = excluded.replayed_by,
                            replayed_at = excluded.replayed_at
                        """)
                .param("t", topic)
                .param("p", partition)
                .param("o", offset)
                .param("h", viewer.household())
                .param("by", viewer.actor())
                .param("at", Instant.now().atOffset(ZoneOffset.UTC))
                .update();
    }

    private Map<String, Instant> replayed(UUID household) {
        Map<String, Instant> replayed = new HashMap<>();
        jdbc.sql(
                        "select topic, partition_no, record_offset, replayed_at from"
                                + " dashboard_dead_letter_replays where household_id = :h")
                .param("h", household)
                .query(
                        rs -> {
                            replayed.put(
                                    rs.getString(1) + ":" + rs.getInt(2) + ":" + rs.getLong(3),
                                    rs.getObject(4, java.time.OffsetDateTime.class).toInstant());
                        });
        return replayed;
    }
}
