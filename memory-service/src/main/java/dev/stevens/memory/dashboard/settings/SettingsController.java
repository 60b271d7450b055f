package dev.stevens.memory.dashboard.settings;

import dev.stevens.events.HouseholdSettingsChanged.CalendarFeed;
import dev.stevens.events.HouseholdSettingsChanged.Importers;
import dev.stevens.events.HouseholdSettingsChanged.Location;
import dev.stevens.events.HouseholdSettingsChanged.QuietHours;
import dev.stevens.events.HouseholdSettingsChanged.Recipient;
import dev.stevens.memory.dashboard.Viewer;
import dev.stevens.memory.households.Scopes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Owner only (security configuration). Each form saves in one transaction that also bumps the
 * household version and appends {@code HouseholdSettingsChanged} to the outbox.
 */
@Controller
class SettingsController {

    private final SettingsStore store;
    private final SettingsPublisher publisher;
    private final AccountsAndTokens accounts;
    private final TransactionTemplate transactions;

    SettingsController(
            SettingsStore store,
            SettingsPublisher publisher,
            AccountsAndTokens accounts,
            TransactionTemplate transactions) {
        this.store = store;
        this.publisher = publisher;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    @GetMapping("/settings")
    String settings(Viewer viewer, Model model) {
        requireOwner(viewer);
        UUID h = viewer.household();
        model.addAttribute("general", store.general(h));
        model.addAttribute("extra", store.extra(h));
        model.addAttribute("accounts", store.accounts(h));
        model.addAttribute("tokens", store.tokens(h));
        model.addAttribute("scopes", Scopes.ALL);
        return "dashboard/settings";
    }

    @PostMapping("/settings/general")
    String general(
            Viewer viewer,
            @RequestParam String timeZone,
            @RequestParam String briefTime,
            @RequestParam String formOfAddress,
            @RequestParam(defaultValue = "en") String language,
            RedirectAttributes redirect) {
        return save(
                viewer,
                redirect,
                () -> {
                    var zone = SettingsForms.zone(timeZone);
                    var time = SettingsForms.time(briefTime, "brief time");
                    String address = SettingsForms.text(formOfAddress, "form of address", 100);
                    String lang =
                            SettingsForms.text(language, "language", 10).toLowerCase(Locale.ROOT);
                    store.saveGeneral(viewer.household(), zone, time, address);
                    updateExtra(viewer, e -> e.withLanguage(lang));
                });
    }

    @PostMapping("/settings/recipients")
    String addRecipient(
            Viewer viewer,
            @RequestParam String name,
            @RequestParam(required = false) String telegramChatId,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String webhookUrl,
            @RequestParam(defaultValue = "false") boolean skipEmptyBrief,
            @RequestParam(required = false) String quietStart,
            @RequestParam(required = false) String quietEnd,
            RedirectAttributes redirect) {
        return save(
                viewer,
                redirect,
                () -> {
                    var quiet =
                            SettingsForms.blank(quietStart) && SettingsForms.blank(quietEnd)
                                    ? null
                                    : new QuietHours(
                                            SettingsForms.time(quietStart, "quiet hours start"),
                                            SettingsForms.time(quietEnd, "quiet hours end"));
                    var recipient =
                            new Recipient(
                                    SettingsForms.text(name, "name", 100),
                                    SettingsForms.chatId(telegramChatId),
                                    SettingsForms.email(email),
                                    SettingsForms.url(webhookUrl),
                                    skipEmptyBrief,
                                    quiet);
                    updateExtra(
                            viewer,
                            e -> {
                                var list = new ArrayList<>(e.recipients());
                                list.removeIf(r -> r.name().equals(recipient.name()));
                                list.add(recipient);
                                return e.withRecipients(list);
                            });
                });
    }

    @PostMapping("/settings/recipients/remove")
    String removeRecipient(Viewer viewer, @RequestParam String name, RedirectAttributes redirect) {
        return save(
                viewer,
                redirect,
                () ->
                        updateExtra(
                                viewer,
                                e ->
                                        e.withRecipients(
                                                e.recipients().stream()
                                                        .filter(r -> !r.name().equals(name))
                                                        .toList())));
    }

    @PostMapping("/settings/telegram")
    String telegram(
            Viewer viewer,
            @RequestParam(defaultValue = "") String allowedChats,
            RedirectAttributes redirect) {
        return save(
                viewer,
                redirect,
                () -> {
                    List<Long> chats =
                            Arrays.stream(allowedChats.split("[,\\s]+"))
                                    .filter(s -> !s.isBlank())
                                    .map(SettingsForms::chatId)
                                    .distinct()
                                    .toList();
                    updateExtra(viewer, e -> e.withAllowedTelegramChats(chats));
                });
    }

    @PostMapping("/settings/importers")
    String importers(
            Viewer viewer,
            @RequestParam(required = false) String locationName,
            @RequestParam(required = false) String latitude,
            @RequestParam(required = false) String longitude,
            @RequestParam(defaultValue = "metric") String units,
            @RequestParam(defaultValue = "") String allowedEmailSenders,
            RedirectAttributes redirect) {
        return save(
                viewer,
                redirect,
                () -> {
                    Location location =
                            SettingsForms.blank(locationName)
                                    ? null
                                    : new Location(
                                            SettingsForms.text(locationName, "location name", 40),
                                            SettingsForms.coordinate(latitude, 90, "latitude"),
                                            SettingsForms.coordinate(longitude, 180, "longitude"),
                                            "imperial".equals(units) ? "imperial" : "metric");
                    List<String> senders =
                            Arrays.stream(allowedEmailSenders.split("[,\\s]+"))
                                    .filter(s -> !s.isBlank())
                                    .map(SettingsForms::email)
                                    .distinct()
                                    .toList();
                    updateExtra(
                            viewer,
                            e ->
                                    e.withImporters(
                                            new Importers(
                                                    location,
                                                    e.importers().calendarFeeds(),
                                                    senders)));
                });
    }

    @PostMapping("/settings/calendar-feeds")
    String addFeed(
            Viewer viewer,
            @RequestParam String id,
            @RequestParam String url,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String password,
            RedirectAttributes redirect) {
        return save(
                viewer,
                redirect,
                () -> {
                    var feed =
                            new CalendarFeed(
                                    SettingsForms.slug(id),
                                    SettingsForms.url(url),
                                    SettingsForms.blank(username) ? null : username.strip(),
                                    SettingsForms.blank(password) ? null : password);
                    if (feed.url() == null) {
                        throw new IllegalArgumentException("The feed needs a URL.");
                    }
                    updateExtra(
                            viewer,
                            e -> {
                                var feeds = new ArrayList<>(e.importers().calendarFeeds());
                                feeds.removeIf(f -> f.id().equals(feed.id()));
                                feeds.add(feed);
                                return e.withImporters(
                                        new Importers(
                                                e.importers().location(),
                                                feeds,
                                                e.importers().allowedEmailSenders()));
                            });
                });
    }

    @PostMapping("/settings/calendar-feeds/remove")
    String removeFeed(Viewer viewer, @RequestParam String id, RedirectAttributes redirect) {
        return save(
                viewer,
                redirect,
                () ->
                        updateExtra(
                                viewer,
                                e ->
                                        e.withImporters(
                                                new Importers(
                                                        e.importers().location(),
                                                        e.importers().calendarFeeds().stream()
                                                                .filter(f -> !f.id().equals(id))
                                                                .toList(),
                                                        e.importers().allowedEmailSenders()))));
    }

    @PostMapping("/settings/tokens")
    String createToken(
            Viewer viewer,
            @RequestParam String label,
            @RequestParam(required = false) List<String> scopes,
            RedirectAttributes redirect) {
        return save(
                viewer,
                redirect,
                () -> {
                    List<String> chosen =
                            scopes == null ? List.of() : scopes.stream().distinct().toList();
                    if (chosen.isEmpty() || !Scopes.ALL.containsAll(chosen)) {
                        throw new IllegalArgumentException("Choose at least one known scope.");
                    }
                    String token =
                            accounts.createToken(
                                    viewer.household(),
                                    SettingsForms.text(label, "label", 100),
                                    chosen);
                    redirect.addFlashAttribute("newToken", token);
                });
    }

    @PostMapping("/settings/tokens/revoke")
    String revokeToken(Viewer viewer, @RequestParam UUID id, RedirectAttributes redirect) {
        return save(viewer, redirect, () -> accounts.revokeToken(viewer.household(), id));
    }

    @PostMapping("/settings/accounts")
    String createAccount(
            Viewer viewer,
            @RequestParam String username,
            @RequestParam String password,
            @RequestParam String role,
            RedirectAttributes redirect) {
        return save(
                viewer,
                redirect,
                () -> accounts.createAccount(viewer.household(), username, password, role));
    }

    @PostMapping("/settings/accounts/remove")
    String removeAccount(Viewer viewer, @RequestParam UUID id, RedirectAttributes redirect) {
        return save(viewer, redirect, () -> accounts.removeAccount(viewer, id));
    }

    @PostMapping("/settings/accounts/role")
    String changeRole(
            Viewer viewer,
            @RequestParam UUID id,
            @RequestParam String role,
            RedirectAttributes redirect) {
        return save(viewer, redirect, () -> accounts.changeRole(viewer.household(), id, role));
    }

    @PostMapping("/settings/accounts/password")
    String resetPassword(
            Viewer viewer,
            @RequestParam UUID id,
            @RequestParam String password,
            RedirectAttributes redirect) {
        return save(
                viewer, redirect, () -> accounts.resetPassword(viewer.household(), id, password));
    }

    /**
     * The role is read from the account row on every request: a session opened before a demotion
     * still carries the owner authority, and this check closes that gap.
     */
    private static void requireOwner(Viewer viewer) {
        if (!viewer.owner()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Owners only.");
        }
    }

    private void updateExtra(Viewer viewer, UnaryOperator<SettingsStore.Extra> change) {
        store.saveExtra(viewer.household(), change.apply(store.extra(viewer.household())));
    }

    /** Validation problems come back as a message on the page; nothing is saved then. */
    private String save(Viewer viewer, RedirectAttributes redirect, Runnable change) {
        requireOwner(viewer);
        try {
            transactions.executeWithoutResult(
                    status -> {
                        change.run();
                        publisher.publish(viewer.household());
                    });
            redirect.addFlashAttribute(
                    "notice", "Saved. The other services pick the change up from Kafka.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings";
    }
}
