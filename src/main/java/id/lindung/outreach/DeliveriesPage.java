package id.lindung.outreach;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /pesan}: the deliveries for officers and administrators (counts per status, why a channel does not go out,
 * the list with search and paging, retry of a failed message) and the opt-out an officer records for a member who
 * asked by phone or at the counter.
 */
@Controller
class DeliveriesPage {

    private final Deliveries deliveries;
    private final Dispatcher dispatcher;
    private final Outbox outbox;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    DeliveriesPage(
            Deliveries deliveries,
            Dispatcher dispatcher,
            Outbox outbox,
            CurrentUser currentUser,
            MessageSource messages) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping("/pesan")
    String list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String recipient,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        LindungUser me = currentUser.require();
        model.addAttribute("counts", deliveries.counts(me));
        model.addAttribute("result", deliveries.find(status, kind, recipient, page, me));
        model.addAttribute("statuses", Deliveries.STATUSES);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("recipient", recipient == null ? "" : recipient);
        model.addAttribute("smsOff", !dispatcher.enabledChannels().contains(Channel.SMS));
        model.addAttribute("emailOff", !dispatcher.enabledChannels().contains(Channel.EMAIL));
        return "outreach/deliveries";
    }

    @PostMapping("/pesan/ulang")
    String retry(@RequestParam(required = false) @Nullable Long id, RedirectAttributes redirect) {
        LindungUser me = currentUser.require();
        Deliveries.require(me);
        boolean queued = id != null && deliveries.retry(id, me);
        redirect.addFlashAttribute(
                "flashMessage",
                messages.getMessage(
                        queued ? "outreach.page.retried" : "outreach.page.notRetried",
                        null,
                        LocaleContextHolder.getLocale()));
        return "redirect:/pesan";
    }

    @PostMapping("/pesan/berhenti")
    String optOut(@RequestParam(required = false) @Nullable String recipient, RedirectAttributes redirect) {
        Deliveries.require(currentUser.require());
        String normalized = recipient == null ? null : Deliveries.normalizedAny(recipient);
        String key;
        if (normalized == null) {
            key = "outreach.page.optOutInvalid";
        } else {
            outbox.optOut(normalized.contains("@") ? Channel.EMAIL : Channel.SMS, normalized);
            key = "outreach.page.optedOut";
        }
        redirect.addFlashAttribute("flashMessage", messages.getMessage(key, null, LocaleContextHolder.getLocale()));
        return "redirect:/pesan";
    }
}
